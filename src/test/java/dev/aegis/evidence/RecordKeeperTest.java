package dev.aegis.evidence;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.control.Control;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.RequirementMapping;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.telemetry.TelemetryEvents.ControlFacts;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorEvents.AssessmentDecided;
import dev.aegis.vendor.VendorFixtures;
import dev.aegis.vendor.VendorService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@AegisTest
class RecordKeeperTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceHistory history;

    @Autowired
    EvidenceItems items;

    @Autowired
    ControlService controls;

    @Autowired
    AiSystemService systems;

    @Autowired
    VendorService vendors;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Autowired
    TransactionTemplate tx;

    /** A result as the telemetry module announces it: with the control's and the system's facts, in a transaction. */
    ControlTestRecorded result(long testId, Control control, AiSystem system, Instant at, double figure) {
        return new ControlTestRecorded(
                IDS.incrementAndGet(),
                testId,
                control.getId(),
                system.getId(),
                "embedded",
                "credit-v2",
                "PSI",
                "age",
                "LESS_THAN",
                0.2,
                figure,
                figure < 0.2 ? Outcome.PASSED : Outcome.FAILED,
                5000,
                at.minusSeconds(86400),
                at,
                "training-2026-10",
                "[18, 30, 45, 60, 99]",
                at,
                new SystemFacts(
                        system.getId(), system.getName(), system.getBusinessOwner(), system.getTechnicalOwner()),
                new ControlFacts(
                        control.getId(),
                        "C-" + control.getId(),
                        control.getTitle(),
                        control.getOwner(),
                        control.getRequirements().stream()
                                .map(RequirementMapping::requirementId)
                                .collect(Collectors.toSet()),
                        List.of()));
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    @Test
    void a_telemetry_result_is_filed_as_a_record_linked_to_the_control_its_requirements_and_the_system()
            throws Exception {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long iso = catalog.find("ISO-IEC-42001-2023", "A.6.2.6").orElseThrow().id();
        long nist = catalog.find("NIST-AI-RMF-1.0", "MEASURE 2.4").orElseThrow().id();
        Control control = controls.create(new ControlDetails(
                "Drift watched " + System.nanoTime(),
                null,
                ControlType.DETECTIVE,
                "officer",
                ImplementationStatus.IMPLEMENTED,
                null,
                TestFrequency.CONTINUOUS,
                null,
                null,
                Map.of(iso, MappingStrength.FULL, nist, MappingStrength.PARTIAL),
                Set.of()));
        AiSystem system = systems.register(diagnosisAssistant("Telemetry system " + System.nanoTime(), "owner"));
        long testId = IDS.incrementAndGet();
        TestAccounts.signOut();

        Instant day1 = Instant.parse("2026-11-20T08:00:00Z");
        ControlTestRecorded first = result(testId, control, system, day1, 0.07);
        publish(first);
        publish(result(testId, control, system, day1.plusSeconds(3600), 0.31));
        publish(first); // the same result told twice is kept once
        publish(result(testId, control, system, day1.plusSeconds(86400), 0.09));

        EvidenceItem item =
                items.findByRecordKey(RecordKeeper.telemetryKey(testId)).orElseThrow();
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(item.getKind()).isEqualTo(EvidenceKind.RECORD);
        assertThat(item.getCurrentVersion()).isEqualTo(2);
        EvidenceService.Links links = evidence.links(item.getId());
        assertThat(links.controlIds()).containsExactly(control.getId());
        assertThat(links.requirementIds()).containsExactlyInAnyOrder(iso, nist);
        assertThat(links.systemIds()).containsExactly(system.getId());

        List<EvidenceVersion> versions = evidence.versions(item.getId());
        assertThat(versions)
                .extracting(EvidenceVersion::getFileName)
                .containsExactly(
                        "telemetry-test-" + testId + "-2026-11-21.json",
                        "telemetry-test-" + testId + "-2026-11-20.json");
        EvidenceVersion firstDay = versions.get(1);
        String json;
        try (InputStream in = evidence.content(item.getId(), 1)) {
            byte[] bytes = in.readAllBytes();
            json = new String(bytes, StandardCharsets.UTF_8);
            assertThat(dev.aegis.shared.files.UploadInspector.sha256Of(bytes)).isEqualTo(firstDay.getSha256());
        }
        assertThat(json)
                .contains("\"resultId\" : " + first.resultId())
                .contains("0.07")
                .contains("0.31")
                .contains("training-2026-10")
                .contains("[18, 30, 45, 60, 99]")
                .contains("2026-11-19T08:00:00Z");
        assertThat(json.split("\"resultId\"").length - 1).isEqualTo(2);

        List<EvidenceRecord> scoped = history.forScope(Set.of(control.getId()), Set.of(system.getId()), Instant.now());
        assertThat(scoped).extracting(EvidenceRecord::id).containsExactly(item.getId());
        assertThat(scoped.getFirst().requirementIds()).containsExactlyInAnyOrder(iso, nist);
    }

    @Test
    void a_vendor_assessment_decision_is_filed_as_a_record_linked_to_the_systems_depending_on_the_vendor() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = systems.register(diagnosisAssistant("Vendor-backed " + System.nanoTime(), "owner"));
        TestAccounts.signIn(accounts.create("vendors", Role.VENDOR_MANAGER));
        Vendor vendor =
                vendors.register(VendorFixtures.llmProvider("LLM Co " + System.nanoTime(), Set.of(system.getId())));
        long assessmentId = IDS.incrementAndGet();

        publish(AssessmentDecided.of(assessmentId, vendor, true, 87, Instant.now()));

        EvidenceItem item =
                items.findByRecordKey(RecordKeeper.assessmentKey(assessmentId)).orElseThrow();
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(item.getTitle()).contains(vendor.getName()).contains("approved");
        assertThat(evidence.links(item.getId()).systemIds()).containsExactly(system.getId());
        EvidenceVersion v = evidence.versions(item.getId()).getFirst();
        assertThat(v.getRecord()).contains("\"decision\" : \"APPROVED\"").contains("\"score\" : 87");
    }
}
