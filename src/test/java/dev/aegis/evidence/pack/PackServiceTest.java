package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.evidence.pack.PackFixtures.Scope;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskHistory;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class PackServiceTest {

    static final String ISO = "ISO-IEC-42001-2023";

    @Autowired
    PackService packs;

    @Autowired
    SnapshotReader reader;

    @Autowired
    AiSystemService systems;

    @Autowired
    ControlService controls;

    @Autowired
    RiskService risks;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.aegis.control.CoverageService coverage;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Autowired
    PackFixtures fixtures;

    Scope scope(String tag) {
        return fixtures.scope(tag);
    }

    PackView sealed(PackView requested) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            PackView p = packs.get(requested.id());
            if (!p.running()) {
                return p;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("pack " + requested.id() + " still building after 2 minutes");
    }

    static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static Path unzip(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                assertThat(target.startsWith(dir)).as(e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return dir;
    }

    static int sha256sumCheck(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void an_auditor_builds_a_pack_that_sha256sum_verifies_and_that_fails_once_a_file_changes(@TempDir Path dir)
            throws Exception {
        Scope s = scope("zip");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        PackView pack = sealed(packs.request(ISO, List.of(s.system().getId()), LocalDate.now(ZoneOffset.UTC)));
        assertThat(pack.state()).as(pack.failure()).isEqualTo("SEALED");
        assertThat(pack.progress()).isEqualTo(100);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        packs.download(pack.id(), zip);
        assertThat(PackBuilder.sha256().digest(zip.toByteArray()))
                .asHexString()
                .isEqualToIgnoringCase(pack.zipSha256());
        Path root = unzip(zip.toByteArray(), dir);
        String evidenceFile = "evidence/" + s.evidenceId() + "-v1-verification-zip.txt";
        assertThat(root.resolve("SHA256SUMS"))
                .content()
                .contains("pack.pdf", "manifest.json", "README.txt", s.evidenceSha256() + "  " + evidenceFile);
        assertThat(root.resolve("manifest.json")).content().contains(evidenceFile, s.evidenceSha256());
        assertThat(sha256sumCheck(root)).isZero();
        assertThat(PackBuilder.sha256().digest(Files.readAllBytes(root.resolve("manifest.json"))))
                .asHexString()
                .isEqualToIgnoringCase(pack.manifestSha256());

        String pdf = text(Files.readAllBytes(root.resolve("pack.pdf")));
        assertThat(pdf)
                .contains(
                        pack.manifestSha256(),
                        "Contents",
                        "Statement of Applicability",
                        s.controlTitle(),
                        "Pack system zip: in progress",
                        "Hallucinated dosage zip",
                        "No finding was open on",
                        s.evidenceTitle(),
                        "No telemetry test result was recorded for the AI systems in scope",
                        PackWords.hash(s.evidenceSha256()).replace('\n', ' '));
        // the requirements in the system's scope, as the Coverage screen lists them
        for (var r : coverage.framework(ISO, s.system().getId()).requirements()) {
            assertThat(pdf).contains(r.requirement().refId() + " · ");
        }

        Files.writeString(root.resolve(evidenceFile), "Release 4.2 NOT verified", StandardCharsets.UTF_8);
        assertThat(sha256sumCheck(root)).isNotZero();

        assertThat(jdbc.queryForList(
                        "select action from audit.audit_entry where object_type = 'EvidencePack' "
                                + "and object_id = ?",
                        String.class,
                        String.valueOf(pack.id())))
                .contains("REQUEST", "SEAL", "DOWNLOAD");
        assertThat(packs.list(PageRequest.of(0, 50)).getContent())
                .extracting(PackView::id)
                .contains(pack.id());
    }

    @Autowired
    dev.aegis.finding.TelemetryFixtures breaches;

    @Test
    void the_findings_open_in_the_scope_on_the_as_of_date_are_in_the_pack_and_later_ones_are_not() throws Exception {
        var breach = breaches.breached("Pack finding", java.time.Instant.now());
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));

        PackView today = sealed(packs.request(ISO, List.of(breach.systemId()), LocalDate.now(ZoneOffset.UTC)));
        assertThat(today.state()).as(today.failure()).isEqualTo("SEALED");
        assertThat(pdfOf(today)).contains("5 Open findings", "F-" + breach.findingId());
        // the system did not exist the day before, so that day's register (all its systems) has no such finding
        Snapshot before =
                reader.read(ISO, List.of(), LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThat(before.findings())
                .extracting(PackFindings.Finding::reference)
                .doesNotContain("F-" + breach.findingId());
    }

    private String pdfOf(PackView pack) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        packs.download(pack.id(), zip);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals("pack.pdf")) {
                    return text(in.readAllBytes());
                }
            }
        }
        throw new AssertionError("no pack.pdf in pack " + pack.id());
    }

    @Test
    void a_risk_changed_after_the_as_of_moment_shows_its_old_values_and_later_records_are_left_out() throws Exception {
        Scope s = scope("asof");
        Instant before = Instant.now();
        Thread.sleep(20);
        Risk risk = risks.get(s.risk().getId());
        risks.update(
                risk.getId(),
                risk.getVersion(),
                new RiskDetails(
                        "Renamed later",
                        "x",
                        Category.SECURITY,
                        Set.of(s.system().getId()),
                        Set.of(),
                        Set.of(),
                        5,
                        5,
                        "officer",
                        LocalDate.now().plusMonths(2)));
        controls.recordStatus(
                s.controlId(),
                s.system().getId(),
                controls.applicationsOf(s.controlId()).getFirst().version(),
                ImplementationStatus.IMPLEMENTED,
                "done");

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        Snapshot then = reader.read(ISO, List.of(s.system().getId()), LocalDate.now(), before);
        assertThat(then.risks()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Hallucinated dosage asof");
            assertThat(r.category()).isEqualTo("SAFETY");
            assertThat(r.inherentScore()).isEqualTo("15");
        });
        assertThat(then.applicationsByControl().get(s.controlId()))
                .singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo("IN_PROGRESS"));
        Snapshot now = reader.read(ISO, List.of(s.system().getId()), LocalDate.now(), Instant.now());
        assertThat(now.risks())
                .singleElement()
                .satisfies(r -> assertThat(r.title()).isEqualTo("Renamed later"));
        assertThat(now.applicationsByControl().get(s.controlId()))
                .singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo("IMPLEMENTED"));

        String pdf = text(pdf(then));
        assertThat(pdf).contains("Hallucinated dosage asof").doesNotContain("Renamed later");

        // the day before, neither the system nor its risk existed: asking for that system then is refused
        assertThatThrownBy(() -> reader.read(
                        ISO, List.of(s.system().getId()), LocalDate.now().minusDays(1)))
                .hasMessageContaining("did not exist");
        Snapshot yesterday =
                reader.read(ISO, List.of(), LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThat(yesterday.risks())
                .extracting(RiskHistory.RiskAt::id)
                .doesNotContain(s.risk().getId());
    }

    @Autowired
    dev.aegis.telemetry.TelemetryResults telemetryResults;

    @Test
    void the_telemetry_results_recorded_up_to_the_as_of_moment_are_in_the_pack_and_later_ones_are_not()
            throws Exception {
        Scope s = scope("telemetry");
        var psi = telemetryResults.psiTest(s.system().getId(), s.controlId(), 0.2);
        Instant at = Instant.now();
        telemetryResults.record(
                psi,
                dev.aegis.telemetry.TelemetryEvents.Outcome.FAILED,
                0.3141,
                at.minus(java.time.Duration.ofDays(3)),
                at.minusSeconds(60));
        telemetryResults.record(
                psi,
                dev.aegis.telemetry.TelemetryEvents.Outcome.PASSED,
                0.1234,
                at.minus(java.time.Duration.ofDays(2)),
                at.plusSeconds(60));

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        Snapshot then = reader.read(ISO, List.of(s.system().getId()), LocalDate.now(ZoneOffset.UTC), at);
        assertThat(then.telemetry())
                .extracting(r -> r.result().figure())
                .contains(0.3141)
                .doesNotContain(0.1234);
        assertThat(then.telemetryTotal()).isEqualTo(then.telemetry().size());

        String pdf = text(pdf(then));
        assertThat(pdf)
                .contains(
                        "6 Telemetry test history",
                        "PSI < 0.2000 on every subject over 1h",
                        "Failed · 0.3141 (income)",
                        psi.deployment(),
                        "Model verification gate telemetry")
                .doesNotContain("0.1234", "No telemetry test result was recorded");
    }

    @Autowired
    PackDocument document;

    byte[] pdf(Snapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path swap = Files.createTempDirectory("swap");
        document.render(
                new PackDocument.Cover(
                        "ISO", s.scopeLabel(), s.asOf().toString(), "t", "now", "0".repeat(64), "#0", "summary"),
                PackDocument.body(s, "0".repeat(64)),
                PackDocument.descriptions(s),
                "test",
                swap,
                out);
        return out.toByteArray();
    }

    @Test
    void an_auditor_builds_packs_but_changes_no_register() {
        Scope s = scope("auditor");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(packs.request(ISO, List.of(), LocalDate.now(ZoneOffset.UTC)).state())
                .isIn("REQUESTED", "BUILDING", "SEALED");
        Risk risk = risks.get(s.risk().getId());
        assertThatThrownBy(() -> risks.update(
                        risk.getId(),
                        risk.getVersion(),
                        new RiskDetails(
                                "x",
                                "x",
                                Category.SECURITY,
                                Set.of(s.system().getId()),
                                Set.of(),
                                Set.of(),
                                1,
                                1,
                                "auditor",
                                null)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(
                        () -> controls.apply(s.controlId(), List.of(s.system().getId()), ImplementationStatus.PLANNED))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> packs.request(ISO, List.of(), LocalDate.now()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
