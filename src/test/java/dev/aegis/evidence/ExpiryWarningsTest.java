package dev.aegis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class ExpiryWarningsTest {

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceExpiry expiry;

    @Autowired
    ExpiryWarnings warnings;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    long notifications(String user, String subjectStart) {
        Long n = jdbc.queryForObject(
                "select count(*) from notification.notification where recipient = ? and topic = "
                        + "'evidence' and subject like ?",
                Long.class,
                user,
                subjectStart + "%");
        return n == null ? 0 : n;
    }

    EvidenceDetails expiring(String title, String owner, LocalDate expiresOn) {
        return new EvidenceDetails(
                title, null, owner, LocalDate.now().minusYears(2), null, null, expiresOn, Set.of(), Set.of(), Set.of());
    }

    @Test
    void owners_are_warned_once_per_threshold_however_often_the_job_runs() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        EvidenceItem soon = evidence.addLink(
                expiring(
                        "Soon " + System.nanoTime(),
                        owner.username(),
                        LocalDate.now().plusDays(10)),
                "https://example.org/soon");
        EvidenceItem gone = evidence.addLink(
                expiring(
                        "Gone " + System.nanoTime(),
                        owner.username(),
                        LocalDate.now().minusDays(1)),
                "https://example.org/gone");
        evidence.addLink(
                expiring(
                        "Later " + System.nanoTime(),
                        owner.username(),
                        LocalDate.now().plusDays(90)),
                "https://example.org/later");
        TestAccounts.signOut();

        // as the daily job runs it: the system actor, which may tell people and nothing more
        Actors.runAsSystem(Set.of(Notifications.SYSTEM_SEND), () -> {
            warnings.warnOwners();
            warnings.warnOwners();
        });

        assertThat(notifications(owner.username(), "Evidence expires on")).isEqualTo(1);
        assertThat(notifications(owner.username(), "Evidence expired on")).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select threshold from evidence.expiry_warning where item_id = ?", String.class, soon.getId()))
                .containsExactly("EXPIRING");
        assertThat(jdbc.queryForList(
                        "select threshold from evidence.expiry_warning where item_id = ?", String.class, gone.getId()))
                .containsExactly("EXPIRED");
        Long audited = jdbc.queryForObject(
                "select count(*) from audit.audit_entry where object_type = 'Evidence' and "
                        + "object_id = ? and action = 'WARN_EXPIRING'",
                Long.class,
                String.valueOf(soon.getId()));
        assertThat(audited).isEqualTo(1);

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(expiry.dueForRenewal(1000)).extracting(EvidenceItem::getId).contains(soon.getId(), gone.getId());
        assertThat(evidence.count(new EvidenceService.Filter(soon.getTitle(), null, null, null, true)))
                .isEqualTo(1);
    }
}
