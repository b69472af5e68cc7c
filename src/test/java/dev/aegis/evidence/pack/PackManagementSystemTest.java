package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.DocumentView;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.ChangeService;
import dev.aegis.aims.ChangeStatus;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The packs of ISO/IEC 42001 carry the AI management system's records as they stood at the pack's moment, through the
 * shared {@link dev.aegis.shared.reports.PackSectionSource} (the pack does not know the AIMS module).
 */
@AegisTest
class PackManagementSystemTest {

    @Autowired
    SnapshotReader reader;

    @Autowired
    PackDocument document;

    @Autowired
    AimsDocumentService aims;

    @Autowired
    ChangeService changes;

    @Autowired
    TestAccounts accounts;

    AegisUser author;
    AegisUser approver;

    @AfterEach
    void leaveNothingInForce() {
        TestAccounts.signIn(approver);
        for (var s : aims.list(List.of())) {
            if (s.inForceNumber() != null || s.latestStatus().isOpen()) {
                aims.withdraw(s.id(), "Test over");
            }
        }
        for (var c : changes.list()) {
            if (c.status() == ChangeStatus.PLANNED || c.status() == ChangeStatus.APPROVED) {
                changes.cancel(c.id(), c.version(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    @Test
    void an_iso_42001_pack_prints_the_aims_records_as_of_its_moment_and_leaves_out_later_ones() throws Exception {
        author = accounts.create("pack-author", Role.GOVERNANCE_OFFICER);
        approver = accounts.create("pack-approver", Role.GOVERNANCE_OFFICER);
        String tag = Long.toString(System.nanoTime(), 36);
        TestAccounts.signIn(author);
        DocumentView policy = aims.draftPolicy(
                DocumentKind.AI_POLICY,
                new AimsDocumentService.Details("Pack AI policy " + tag, author.getUsername(), null),
                new PolicyText("We use AI with care.", "Everyone"));
        policy = aims.submit(policy.id(), 1, policy.versions().getFirst().version());
        TestAccounts.signIn(approver);
        policy = aims.approve(policy.id(), 1, policy.versions().getFirst().version(), null, null);
        policy = aims.publish(policy.id(), 1, policy.versions().getFirst().version());
        TestAccounts.signIn(author);
        changes.raise(new ChangeService.Details(
                "Before the pack " + tag,
                "Drift",
                "Shadow run first",
                LocalDate.now().plusDays(3),
                Set.of()));
        Thread.sleep(5);
        Instant moment = Instant.now();
        Thread.sleep(5);
        changes.raise(new ChangeService.Details(
                "After the pack " + tag,
                "Drift",
                "Shadow run first",
                LocalDate.now().plusDays(3),
                Set.of()));

        TestAccounts.signIn(accounts.create("pack-auditor", Role.AUDITOR));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Snapshot pack = reader.read(PackFixtures.ISO, List.of(), today, moment);
        assertThat(pack.sections())
                .extracting(s -> s.title())
                .containsExactly(
                        "Context and scope",
                        "Policies",
                        "AIMS roles",
                        "Objectives",
                        "Changes",
                        "Competence and awareness",
                        "Impact assessments",
                        "Internal audits",
                        "Management reviews",
                        "Nonconformities and corrective actions");
        byte[] pdf = pdf(pack);
        Files.write(Path.of("target", "pack-aims-sample.pdf"), pdf);
        String text = PackServiceTest.text(pdf);
        assertThat(text)
                .contains(
                        "9 Management system records",
                        "the AIMS scope (ISO/IEC 42001 4.1–4.3)",
                        policy.reference() + " Pack AI policy " + tag,
                        "Version 1 from " + today,
                        "Before the pack " + tag,
                        "Planned, not yet approved",
                        "Nonconformities and improvement opportunities (10.1, 10.2) raised by")
                .doesNotContain("After the pack " + tag);

        // a pack of a framework the AIMS does not serve has no such sections; the NIST AI RMF's has them
        assertThat(reader.read("MITRE-ATLAS", List.of(), today, moment).sections())
                .isEmpty();
        assertThat(reader.read("NIST-AI-RMF-1.0", List.of(), today, moment).sections())
                .hasSize(10);
    }

    byte[] pdf(Snapshot s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var swap = Files.createTempDirectory("swap");
        document.render(
                new PackDocument.Cover(
                        "ISO/IEC 42001",
                        s.scopeLabel(),
                        s.asOf().toString(),
                        "auditor",
                        "now",
                        "0".repeat(64),
                        "#0",
                        ExecutiveSummary.inShort(s),
                        ExecutiveSummary.coverFigures(s)),
                PackDocument.body(s, "0".repeat(64)),
                PackDocument.descriptions(s),
                "test",
                swap,
                out);
        return out.toByteArray();
    }
}
