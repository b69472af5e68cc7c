package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.CorrectionVocabulary.NcSource;
import dev.aegis.aims.CorrectionVocabulary.NcStatus;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Plan;
import dev.aegis.aims.NonconformityService.ActionPlan;
import dev.aegis.aims.NonconformityService.Details;
import dev.aegis.aims.NonconformityService.NcView;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AegisTest
class NonconformityServiceTest {

    static final String ISO = "ISO-IEC-42001-2023";

    @Autowired
    NonconformityService ncs;

    @Autowired
    Nonconformities ncRows;

    @Autowired
    InternalAuditService audits;

    @Autowired
    InternalAudits auditRows;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    CoverageService coverage;

    @Autowired
    Notifications notifications;

    @Autowired
    TestAccounts accounts;

    AegisUser officer;
    AegisUser colleague;
    AegisUser doer;

    @BeforeEach
    void people() {
        officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        colleague = accounts.create("colleague", Role.GOVERNANCE_OFFICER);
        doer = accounts.create("doer", Role.SYSTEM_OWNER);
    }

    @AfterEach
    void forget() {
        ncRows.deleteAll();
        auditRows.deleteAll();
        TestAccounts.signOut();
    }

    @Test
    void closing_needs_an_effectiveness_check_by_someone_who_owns_no_action_and_then_meets_10_2() {
        TestAccounts.signIn(officer);
        NcView nc = ncs.raise(new Details(
                NcKind.NONCONFORMITY,
                "No impact assessment",
                "The diagnosis assistant was never assessed",
                officer.getUsername()));
        assertThat(nc.reference()).startsWith("NC-");
        nc = ncs.addAction(
                nc.id(),
                new ActionPlan(
                        "Assess the diagnosis assistant's impacts",
                        officer.getUsername(),
                        LocalDate.now().plusDays(20)));
        assertThat(nc.status()).isEqualTo(NcStatus.IN_TREATMENT);
        long id = nc.id();
        long v1 = nc.version();
        assertThatThrownBy(() -> ncs.checkEffectiveness(id, v1, true, "Looked at it"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("You own the action")
                .hasMessageContaining("someone else must check");

        TestAccounts.signIn(colleague);
        assertThatThrownBy(() -> ncs.checkEffectiveness(id, v1, true, "Looked at it"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("1 action is not done yet");
        TestAccounts.signIn(officer);
        var action = nc.actions().get(0);
        nc = ncs.actionDone(id, action.id(), action.version(), "Assessment AIA-001 approved");
        nc = ncs.treat(
                id,
                nc.version(),
                "Use restricted to two physicians",
                "Impact assessment not part of go-live checklist");
        assertThat(clause("10.2", Instant.now())).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(colleague);
        nc = ncs.checkEffectiveness(id, nc.version(), true, "Go-live checklist now asks for it; two releases checked");
        assertThat(nc.status()).isEqualTo(NcStatus.CLOSED);
        assertThat(nc.effectivenessBy()).contains(colleague.getUsername());
        assertThat(clause("10.2", Instant.now())).isEqualTo(CoverageLevel.COVERED);
        assertThat(clause("10.1", Instant.now())).isEqualTo(CoverageLevel.COVERED);
        TestAccounts.signIn(officer);
        NcView closed = nc;
        assertThatThrownBy(() ->
                        ncs.addAction(closed.id(), new ActionPlan("More", officer.getUsername(), LocalDate.now())))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void a_nonconformity_raised_from_an_audit_finding_names_it_and_is_raised_once() {
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        TestAccounts.signIn(officer);
        long req = catalog.find(ISO, "6.1.4").orElseThrow().id();
        AuditView a = audits.plan(new Plan(
                "Impact audit",
                "Impact assessments",
                List.of(),
                List.of(),
                List.of(auditor.getUsername()),
                LocalDate.now(),
                null));
        a = audits.addCriteria(a.id(), a.version(), List.of(req));
        TestAccounts.signIn(auditor);
        a = audits.start(a.id(), a.version());
        a = audits.recordCheck(
                a.id(), a.checklist().get(0).id(), a.checklist().get(0).version(), CheckResult.NONCONFORMITY, null);
        var finding = audits.raiseFinding(
                a.id(),
                a.checklist().get(0).id(),
                FindingKind.NONCONFORMITY,
                "No impact assessment of the chatbot. More text",
                null);

        NcView nc = ncs.raiseFromAuditFinding(finding.id(), officer.getUsername());
        assertThat(nc.source()).isEqualTo(NcSource.AUDIT_FINDING);
        assertThat(nc.sourceLabel()).contains(a.reference()).contains("No impact assessment of the chatbot");
        assertThat(nc.title()).isEqualTo("No impact assessment of the chatbot");
        assertThatThrownBy(() -> ncs.raiseFromAuditFinding(finding.id(), officer.getUsername()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("raised from it already");
    }

    @Test
    void owners_of_actions_due_within_a_week_are_reminded_once_a_day_by_the_system() {
        TestAccounts.signIn(officer);
        NcView nc =
                ncs.raise(new Details(NcKind.IMPROVEMENT, "Faster triage", "Could be quicker", officer.getUsername()));
        ncs.addAction(
                nc.id(),
                new ActionPlan(
                        "Tune the triage queue",
                        doer.getUsername(),
                        LocalDate.now().plusDays(3)));
        ncs.addAction(
                nc.id(),
                new ActionPlan("Later work", doer.getUsername(), LocalDate.now().plusDays(30)));
        TestAccounts.signOut();
        int[] sent = new int[2];
        Actors.runAsSystem(Set.of(NonconformityService.SYSTEM_REMIND, Notifications.SYSTEM_SEND), () -> {
            sent[0] = ncs.remindActionsDue();
            sent[1] = ncs.remindActionsDue();
        });
        assertThat(sent[0]).isEqualTo(1);
        assertThat(sent[1]).as("reminded once a day").isZero();
        TestAccounts.signIn(doer);
        assertThat(notifications.mine(10))
                .anySatisfy(
                        n -> assertThat(n.getSubject()).contains(nc.reference()).contains("Due"));
    }

    CoverageLevel clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow()
                .level();
    }
}
