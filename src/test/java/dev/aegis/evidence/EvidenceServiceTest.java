package dev.aegis.evidence;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.control.Control;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class EvidenceServiceTest {

    /** The start of a PDF: enough for Tika to know it by its magic bytes. */
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    EvidenceService service;

    @Autowired
    EvidenceHistory history;

    @Autowired
    ControlService controls;

    @Autowired
    AiSystemService systems;

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

    AegisUser officer() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        return officer;
    }

    Control control(long... requirements) {
        Map<Long, MappingStrength> mappings = new java.util.HashMap<>();
        for (long r : requirements) {
            mappings.put(r, MappingStrength.FULL);
        }
        return controls.create(new ControlDetails(
                "Evidence control " + System.nanoTime(),
                null,
                ControlType.DETECTIVE,
                "officer",
                ImplementationStatus.IMPLEMENTED,
                null,
                TestFrequency.QUARTERLY,
                null,
                null,
                mappings,
                Set.of()));
    }

    static EvidenceDetails details(String title, String owner, Set<Long> controls, Set<Long> systems) {
        return new EvidenceDetails(
                title,
                "Annual penetration test",
                owner,
                LocalDate.now().minusDays(2),
                LocalDate.now().minusMonths(12),
                LocalDate.now().minusDays(3),
                LocalDate.now().plusMonths(11),
                controls,
                Set.of(),
                systems);
    }

    static InputStream pdf(String marker) {
        byte[] bytes =
                (new String(PDF, StandardCharsets.US_ASCII) + "% " + marker + "\n").getBytes(StandardCharsets.US_ASCII);
        return new ByteArrayInputStream(bytes);
    }

    static String sha256sum(byte[] content) throws Exception {
        Path file = Files.createTempFile("evidence", ".bin");
        try {
            Files.write(file, content);
            Process p = new ProcessBuilder("sha256sum", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            return out.split("\\s+")[0];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void an_upload_keeps_the_sha256_sha256sum_prints_and_the_type_found_in_its_content() throws Exception {
        officer();
        byte[] content = pdf("report " + System.nanoTime()).readAllBytes();
        EvidenceItem item = service.addFile(
                details("Pen test " + System.nanoTime(), "alice", Set.of(), Set.of()),
                "report.bin",
                new ByteArrayInputStream(content));

        EvidenceVersion v = service.versions(item.getId()).getFirst();
        assertThat(v.getNumber()).isEqualTo(1);
        assertThat(v.getSha256()).isEqualTo(sha256sum(content));
        assertThat(v.getMediaType()).isEqualTo("application/pdf");
        assertThat(v.getSize()).isEqualTo(content.length);
        assertThat(v.getFileName()).isEqualTo("report.bin");
        try (InputStream in = service.content(item.getId(), 1)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void a_program_renamed_to_pdf_is_refused_and_nothing_is_kept() {
        officer();
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        String title = "Renamed program " + System.nanoTime();
        assertThatThrownBy(() -> service.addFile(
                        details(title, "alice", Set.of(), Set.of()), "invoice.pdf", new ByteArrayInputStream(exe)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("invoice.pdf")
                .hasMessageContaining("not accepted");
        assertThat(service.count(new EvidenceService.Filter(title, null, null, null, false)))
                .isZero();
    }

    @Test
    void a_new_version_keeps_the_old_one_downloadable_and_needs_a_new_review() throws Exception {
        officer();
        byte[] first = pdf("first " + System.nanoTime()).readAllBytes();
        byte[] second = pdf("second " + System.nanoTime()).readAllBytes();
        EvidenceItem item = service.addFile(
                details("Model card " + System.nanoTime(), "alice", Set.of(), Set.of()),
                "card-v1.pdf",
                new ByteArrayInputStream(first));
        item = service.review(item.getId(), item.getVersion());
        assertThat(item.getReviewedBy()).isNotNull();

        Dates next = new Dates(
                LocalDate.now(),
                LocalDate.now().minusMonths(1),
                LocalDate.now(),
                LocalDate.now().plusYears(1));
        EvidenceVersion v2 = service.addFileVersion(
                item.getId(), item.getVersion(), next, "card-v2.pdf", new ByteArrayInputStream(second));

        assertThat(v2.getNumber()).isEqualTo(2);
        EvidenceItem now = service.get(item.getId());
        assertThat(now.getCurrentVersion()).isEqualTo(2);
        assertThat(now.getExpiresOn()).isEqualTo(next.expiresOn());
        assertThat(now.isReviewed()).isFalse();
        assertThat(service.versions(item.getId()))
                .extracting(EvidenceVersion::getFileName)
                .containsExactly("card-v2.pdf", "card-v1.pdf");
        try (InputStream in = service.download(item.getId(), 1).content()) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
        try (InputStream in = service.download(item.getId(), 2).content()) {
            assertThat(in.readAllBytes()).isEqualTo(second);
        }
        Long downloads = jdbc.queryForObject(
                "select count(*) from audit.audit_entry where object_type = 'Evidence' "
                        + "and object_id = ? and action = 'DOWNLOAD'",
                Long.class,
                String.valueOf(item.getId()));
        assertThat(downloads).isEqualTo(2);
        EvidenceItem stale = item;
        assertThatThrownBy(() ->
                        service.addFileVersion(stale.getId(), stale.getVersion(), next, "card-v3.pdf", pdf("third")))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void evidence_is_owned_by_an_active_user() {
        officer();
        assertThatThrownBy(() -> service.addLink(
                        details("Owned by nobody " + System.nanoTime(), "nobody-such-user", Set.of(), Set.of()),
                        "https://example.org/report"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("There is no active user \"nobody-such-user\". Choose the evidence owner from the list of"
                        + " users.")
                .extracting("field")
                .isEqualTo("owner");
    }

    @Test
    void the_owner_cannot_sign_off_their_own_evidence() {
        AegisUser owner = officer();
        EvidenceItem item = service.addLink(
                details("Wiki page " + System.nanoTime(), owner.username(), Set.of(), Set.of()),
                "https://wiki.example.org/ai/policy");
        assertThatThrownBy(() -> service.review(item.getId(), item.getVersion()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("owner");
        officer();
        assertThat(service.review(item.getId(), item.getVersion()).isReviewed()).isTrue();
    }

    @Test
    void for_scope_as_of_a_past_instant_gives_the_version_current_then_and_leaves_out_later_items() throws Exception {
        officer();
        Control control = control();
        AiSystem mine = systems.register(diagnosisAssistant("Scope system " + System.nanoTime(), "owner"));
        AiSystem other = systems.register(diagnosisAssistant("Other system " + System.nanoTime(), "owner"));
        EvidenceItem old = service.addFile(
                details("Scoped " + System.nanoTime(), "alice", Set.of(control.getId()), Set.of(mine.getId())),
                "v1.pdf",
                pdf("scoped v1 " + System.nanoTime()));
        EvidenceItem general = service.addLink(
                details("General " + System.nanoTime(), "alice", Set.of(control.getId()), Set.of()),
                "https://example.org/policy");
        EvidenceItem elsewhere = service.addLink(
                details("Elsewhere " + System.nanoTime(), "alice", Set.of(control.getId()), Set.of(other.getId())),
                "https://example.org/other");
        Thread.sleep(5);
        Instant asOf = Instant.now();
        Thread.sleep(5);
        service.addFileVersion(
                old.getId(), old.getVersion(), Dates.none(), "v2.pdf", pdf("scoped v2 " + System.nanoTime()));
        EvidenceItem later = service.addLink(
                details("Later " + System.nanoTime(), "alice", Set.of(control.getId()), Set.of()),
                "https://example.org/later");

        List<EvidenceRecord> then = history.forScope(Set.of(control.getId()), Set.of(mine.getId()), asOf);
        assertThat(then).extracting(EvidenceRecord::id).containsExactly(old.getId(), general.getId());
        EvidenceRecord oldThen = then.getFirst();
        assertThat(oldThen.version()).isEqualTo(1);
        assertThat(oldThen.fileName()).isEqualTo("v1.pdf");
        assertThat(oldThen.controlIds()).containsExactly(control.getId());
        assertThat(oldThen.systemIds()).containsExactly(mine.getId());
        try (InputStream in = service.content(old.getId(), oldThen.version())) {
            assertThat(UploadSha.of(in.readAllBytes())).isEqualTo(oldThen.sha256());
        }

        List<EvidenceRecord> today = history.forScope(Set.of(control.getId()), Set.of(), Instant.now());
        assertThat(today)
                .extracting(EvidenceRecord::id)
                .containsExactly(old.getId(), general.getId(), elsewhere.getId(), later.getId());
        assertThat(today.getFirst().version()).isEqualTo(2);
    }

    @Test
    void auditors_read_but_cannot_write() {
        officer();
        EvidenceItem item = service.addLink(
                details("Read only " + System.nanoTime(), "alice", Set.of(), Set.of()), "https://example.org/x");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(service.get(item.getId()).getTitle()).isEqualTo(item.getTitle());
        assertThatThrownBy(() -> service.addLink(details("x", "alice", Set.of(), Set.of()), "https://example.org/y"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() ->
                        service.update(item.getId(), item.getVersion(), details("x", "alice", Set.of(), Set.of())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> service.review(item.getId(), item.getVersion()))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("vendors", Role.VENDOR_MANAGER));
        assertThatThrownBy(() -> service.get(item.getId())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void a_system_owner_adds_and_changes_evidence_only_for_their_own_systems() {
        AegisUser owner = accounts.create("sysowner", Role.SYSTEM_OWNER);
        officer();
        AiSystem own = systems.register(diagnosisAssistant("Own " + System.nanoTime(), owner.username()));
        AiSystem foreign = systems.register(diagnosisAssistant("Foreign " + System.nanoTime(), "someone-else"));
        EvidenceItem foreignItem = service.addLink(
                details("Foreign evidence " + System.nanoTime(), "someone-else", Set.of(), Set.of(foreign.getId())),
                "https://example.org/foreign");

        TestAccounts.signIn(owner);
        EvidenceItem mine = service.addLink(
                details("Own evidence " + System.nanoTime(), owner.username(), Set.of(), Set.of(own.getId())),
                "https://example.org/own");
        assertThat(service.mayChange(mine.getId())).isTrue();
        EvidenceItem changed = service.update(
                mine.getId(),
                mine.getVersion(),
                new EvidenceDetails(
                        "Renamed",
                        null,
                        owner.username(),
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        Set.of(),
                        Set.of(own.getId())));
        assertThat(changed.getTitle()).isEqualTo("Renamed");

        assertThat(service.mayChange(foreignItem.getId())).isFalse();
        assertThatThrownBy(() -> service.addLink(
                        details("Foreign " + System.nanoTime(), owner.username(), Set.of(), Set.of(foreign.getId())),
                        "https://example.org/f"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addLink(
                        details("Nowhere " + System.nanoTime(), owner.username(), Set.of(), Set.of()),
                        "https://example.org/n"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.update(
                        foreignItem.getId(),
                        foreignItem.getVersion(),
                        details("Taken", owner.username(), Set.of(), Set.of(foreign.getId()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.link(
                        changed.getId(),
                        changed.getVersion(),
                        new EvidenceService.Links(Set.of(), Set.of(), Set.of(own.getId(), foreign.getId()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.review(changed.getId(), changed.getVersion()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void links_name_things_that_exist_and_periods_run_forwards() {
        officer();
        assertThatThrownBy(() -> service.addLink(
                        details("Bad " + System.nanoTime(), "alice", Set.of(-4L), Set.of()), "https://example.org"))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("controlIds");
        assertThatThrownBy(() -> service.addLink(
                        new EvidenceDetails(
                                "Backwards",
                                null,
                                "alice",
                                null,
                                LocalDate.now(),
                                LocalDate.now().minusDays(1),
                                null,
                                Set.of(),
                                Set.of(),
                                Set.of()),
                        "https://example.org"))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("effectiveTo");
        assertThatThrownBy(() -> service.addLink(
                        details("Ftp " + System.nanoTime(), "alice", Set.of(), Set.of()), "ftp://example.org/x"))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("url");
    }

    /** sha256sum's answer, computed in Java for streams already read. */
    static final class UploadSha {
        static String of(byte[] content) {
            return dev.aegis.shared.files.UploadInspector.sha256Of(content);
        }
    }
}
