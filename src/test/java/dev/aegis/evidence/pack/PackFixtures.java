package dev.aegis.evidence.pack;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;

import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ControlVocabulary.TestResult;
import dev.aegis.evidence.EvidenceDetails;
import dev.aegis.evidence.EvidenceHistory;
import dev.aegis.evidence.EvidenceService;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Registers for pack and report tests. */
@Component
class PackFixtures {

    static final String ISO = "ISO-IEC-42001-2023";

    private final AiSystemService systems;
    private final ControlService controls;
    private final RiskService risks;
    private final FrameworkCatalog catalog;
    private final TestAccounts accounts;
    private final EvidenceService evidence;
    private final EvidenceHistory history;

    PackFixtures(
            AiSystemService systems,
            ControlService controls,
            RiskService risks,
            FrameworkCatalog catalog,
            TestAccounts accounts,
            EvidenceService evidence,
            EvidenceHistory history) {
        this.evidence = evidence;
        this.history = history;
        this.systems = systems;
        this.controls = controls;
        this.risks = risks;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    record Scope(
            AiSystem system,
            long controlId,
            String controlTitle,
            Risk risk,
            long evidenceId,
            String evidenceTitle,
            String evidenceSha256) {}

    /**
     * Signed in as a governance officer: one AI system "Pack system {tag}" with a control implementing ISO/IEC 42001
     * A.6.2.4 applied to it (in progress there), a text file of evidence "Verification report {tag}" linked to both,
     * and a risk "Hallucinated dosage {tag}".
     */
    Scope scope(String tag) {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = systems.register(diagnosisAssistant("Pack system " + tag, "officer"));
        long requirement = catalog.find(ISO, "A.6.2.4").orElseThrow().id();
        String title = "Model verification gate " + tag;
        long control = controls.create(new ControlDetails(
                        title,
                        "Every release is verified",
                        ControlType.PREVENTIVE,
                        "officer",
                        ImplementationStatus.IMPLEMENTED,
                        null,
                        TestFrequency.QUARTERLY,
                        LocalDate.now(),
                        TestResult.PASSED,
                        Map.of(requirement, MappingStrength.FULL),
                        Set.of()))
                .getId();
        controls.apply(control, List.of(system.getId()), ImplementationStatus.IN_PROGRESS);
        Risk risk = risks.identify(new RiskDetails(
                "Hallucinated dosage " + tag,
                "The assistant invents a dose",
                Category.SAFETY,
                Set.of(system.getId()),
                Set.of(),
                Set.of(),
                3,
                5,
                "officer",
                LocalDate.now().plusMonths(1)));
        String evidenceTitle = "Verification report " + tag;
        var item = evidence.addFile(
                new EvidenceDetails(
                        evidenceTitle,
                        "Signed release verification",
                        "officer",
                        LocalDate.now().minusDays(1),
                        LocalDate.now().minusDays(30),
                        LocalDate.now(),
                        LocalDate.now().plusYears(1),
                        Set.of(control),
                        Set.of(requirement),
                        Set.of(system.getId())),
                "verification-" + tag + ".txt",
                new ByteArrayInputStream(("Release 4.2 verified on the hold-out set; Müller signed off. " + tag)
                        .getBytes(StandardCharsets.UTF_8)));
        String sha = history.forScope(Set.of(control), Set.of(), java.time.Instant.now())
                .getFirst()
                .sha256();
        return new Scope(system, control, title, risk, item.getId(), evidenceTitle, sha);
    }
}
