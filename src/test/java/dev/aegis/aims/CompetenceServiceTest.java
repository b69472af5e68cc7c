package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.AimsRoleService.Assignment;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.CompetenceService.Details;
import dev.aegis.aims.CompetenceService.Entry;
import dev.aegis.aims.CompetenceService.Gap;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.notification.Notification;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class CompetenceServiceTest {

    @Autowired
    CompetenceService competence;

    @Autowired
    CompetenceReminders reminders;

    @Autowired
    AimsRoleService roles;

    @Autowired
    Notifications notifications;

    @Autowired
    CoverageService coverage;

    @Autowired
    TestAccounts accounts;

    AegisUser officer;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void signIn() {
        officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
    }

    /** Every role assignment this test made ends, so others start from the roles they name. */
    @AfterEach
    void endRoles() {
        TestAccounts.signIn(officer);
        for (var h : roles.list()) {
            if (h.current()
                    && h.responsibilities() != null
                    && h.responsibilities().startsWith("competence test")) {
                roles.change(
                        h.id(),
                        h.version(),
                        new Assignment(h.role(), h.username(), h.responsibilities(), h.since(), today.minusDays(1)));
            }
        }
        TestAccounts.signOut();
    }

    void holds(AegisUser who, AimsRole role) {
        roles.assign(new Assignment(role, who.getUsername(), "competence test", today.minusDays(30), null));
    }

    Entry training(AegisUser who, LocalDate completed, LocalDate expires) {
        return competence.record(new Details(
                who.getUsername(), CompetenceKind.TRAINING, "AI awareness", "E-learning", completed, expires, null));
    }

    @Test
    void the_screen_names_role_holders_without_a_current_record_and_why() {
        AegisUser never = accounts.create("never-trained", Role.SYSTEM_OWNER);
        AegisUser lapsed = accounts.create("lapsed", Role.SYSTEM_OWNER);
        AegisUser current = accounts.create("current", Role.SYSTEM_OWNER);
        holds(never, AimsRole.AI_SYSTEM_OWNER);
        holds(lapsed, AimsRole.AI_RISK_OWNER);
        holds(lapsed, AimsRole.INCIDENT_MANAGER);
        holds(current, AimsRole.DATA_PROTECTION);
        training(lapsed, today.minusYears(1).minusDays(10), today.minusDays(10));
        training(current, today.minusMonths(1), today.plusMonths(11));

        List<Gap> gaps = competence.gaps();
        assertThat(gaps).extracting(Gap::username).contains(never.getUsername(), lapsed.getUsername());
        assertThat(gaps).extracting(Gap::username).doesNotContain(current.getUsername());
        Gap l = gaps.stream()
                .filter(g -> g.username().equals(lapsed.getUsername()))
                .findFirst()
                .orElseThrow();
        assertThat(l.roles()).containsExactlyInAnyOrder("AI risk owner", "AI incident manager");
        assertThat(l.why()).isEqualTo("Expired on " + today.minusDays(10));
        assertThat(gaps.stream()
                        .filter(g -> g.username().equals(never.getUsername()))
                        .findFirst()
                        .orElseThrow()
                        .why())
                .isEqualTo("No training or attestation recorded");
        assertThat(competence.list())
                .filteredOn(e -> e.username().equals(lapsed.getUsername()))
                .extracting(Entry::standing)
                .containsExactly("Expired");
    }

    @Test
    void clauses_7_2_and_7_3_are_covered_only_while_every_role_holder_holds_a_current_record() {
        AegisUser newcomer = accounts.create("newcomer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        // whoever else holds a role (other tests, fixtures) gets a current record first
        for (Gap g : competence.gaps()) {
            competence.record(new Details(
                    g.username(), CompetenceKind.ATTESTATION, "Policy attestation", null, today, null, null));
        }
        holds(newcomer, AimsRole.AI_ETHICS_LEAD);
        assertThat(clause("7.2").level()).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(officer);
        training(newcomer, today.minusDays(1), today.plusYears(1));
        RequirementCoverage covered = clause("7.2");
        assertThat(covered.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(covered.recordsSentence()).contains("AIMS role holders hold a current training or attestation");
        assertThat(clause("7.3").level()).isEqualTo(CoverageLevel.COVERED);
        // as of a moment before the record was made, it was a gap
        assertThat(coverage
                        .scope(
                                AimsCoverage.ISO,
                                List.of(),
                                Map.of(),
                                List.of(),
                                Instant.now().minusSeconds(3600 * 24 * 2))
                        .requirements()
                        .stream()
                        .filter(r -> r.requirement().refId().equals("7.2"))
                        .findFirst()
                        .orElseThrow()
                        .level())
                .isEqualTo(CoverageLevel.NOT_COVERED);
    }

    @Test
    void the_holder_and_the_aims_managers_are_reminded_once_before_a_record_expires() {
        AegisUser holder = accounts.create("expiring", Role.SYSTEM_OWNER);
        AegisUser manager = accounts.create("manager", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        holds(manager, AimsRole.AIMS_MANAGER);
        Entry soon = training(holder, today.minusYears(1).plusDays(10), today.plusDays(10));
        training(holder, today.minusMonths(1), today.plusYears(2)); // far from expiry: no reminder
        assertThat(soon.standing()).isEqualTo("Expires soon");
        TestAccounts.signOut();

        reminders.remind();
        reminders.remind(); // the second night says nothing new

        TestAccounts.signIn(holder);
        List<Notification> mine = notifications.mine(20).stream()
                .filter(n -> n.getTopic().equals("competence"))
                .toList();
        assertThat(mine).singleElement().satisfies(n -> {
            assertThat(n.getSubject()).contains("AI awareness").contains("expires on " + today.plusDays(10));
            assertThat(n.getLink()).isEqualTo("aims/competence");
        });
        TestAccounts.signIn(manager);
        assertThat(notifications.mine(50))
                .filteredOn(
                        n -> n.getTopic().equals("competence") && n.getSubject().contains(holder.getUsername()))
                .hasSize(1);
    }

    @Test
    void bad_input_is_refused_at_its_field_and_only_officers_write() {
        AegisUser someone = accounts.create("someone", Role.AUDITOR);
        TestAccounts.signIn(officer);
        assertThatThrownBy(() -> competence.record(
                        new Details("nobody-here", CompetenceKind.TRAINING, "T", null, today, null, null)))
                .extracting("field")
                .isEqualTo("username");
        assertThatThrownBy(() -> competence.record(new Details(
                        someone.getUsername(), CompetenceKind.TRAINING, "T", null, today.plusDays(1), null, null)))
                .extracting("field")
                .isEqualTo("completedOn");
        assertThatThrownBy(() -> competence.record(new Details(
                        someone.getUsername(), CompetenceKind.TRAINING, "T", null, today, today.minusDays(1), null)))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("expiresOn");

        TestAccounts.signIn(someone);
        assertThat(competence.list()).isNotNull();
        assertThatThrownBy(() -> training(someone, today, null)).isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("vendors", Role.VENDOR_MANAGER));
        assertThatThrownBy(() -> competence.gaps()).isInstanceOf(AuthorizationDeniedException.class);
        Actors.runAsSystem(
                Set.of(Notifications.SYSTEM_SEND),
                () -> assertThatThrownBy(() -> competence.remindExpiring())
                        .isInstanceOf(AuthorizationDeniedException.class));
    }

    RequirementCoverage clause(String refId) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(AimsCoverage.ISO, List.of(), Map.of(), List.of(), Instant.now()).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow();
    }
}
