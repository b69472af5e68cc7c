package dev.aegis.risk.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The risk form and service refuse what they cannot keep, and the workflow is offered only to who can use it. */
@AegisTest
class RiskFormRulesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    RiskService risks;

    @AfterEach
    void close() {
        Karibu.close();
        TestAccounts.signOut();
    }

    @Test
    void an_unknown_owner_and_a_due_date_in_1900_are_refused_at_their_fields() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Risky " + System.nanoTime(), "owner"))
                .getId();
        assertThatThrownBy(() -> risks.identify(details("Owned by nobody", system, "nobody-such-user", null)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("no active user \"nobody-such-user\"")
                .extracting("field")
                .isEqualTo("owner");
        assertThatThrownBy(() -> risks.identify(details("Due long ago", system, null, LocalDate.of(1900, 1, 1))))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("The due date must lie between 1 January 2000 and 31 December 2099.")
                .extracting("field")
                .isEqualTo("dueDate");
        assertThat(risks.identify(details(
                                "Owned by someone",
                                system,
                                "owner",
                                LocalDate.now().plusMonths(1)))
                        .getOwner())
                .isEqualTo("owner");
    }

    @Test
    void enter_in_the_due_date_does_not_raise_the_risk_and_a_long_title_says_its_limit() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Risky " + System.nanoTime(), "owner"));
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();
        String title = "Enter risk " + System.nanoTime();
        view.editor.raise(details("", system.getId(), null, null));
        RiskForm form = view.editor.form;
        Karibu.setValue(form.title, title);
        Karibu.setValue(form.dueDate, LocalDate.now().plusMonths(2));
        MockVaadin.clientRoundtrip(false);
        _fireShortcut(form.dueDate, Key.ENTER);
        _fireShortcut(form.owner, Key.ENTER);
        _fireShortcut(form.description, Key.ENTER);
        assertThat(view.editor.isOpened()).isTrue();
        assertThat(raised(title)).isZero();
        _fireShortcut(form.title, Key.ENTER);
        assertThat(view.editor.isOpened()).isFalse();
        assertThat(raised(title)).isEqualTo(1);

        view.editor.raise(details("", system.getId(), null, null));
        Karibu.setValue(form.title, "t".repeat(250));
        form.save.click();
        assertThat(form.title.isInvalid()).isTrue();
        assertThat(form.title.getErrorMessage()).isEqualTo("The title can be at most 200 characters. You entered 250.");
        assertThat(view.editor.getFooter().getElement().getChildren().anyMatch(e -> e.equals(form.save.getElement())))
                .isTrue();
    }

    @Test
    void the_workflow_is_offered_to_officers_and_owners_of_the_system_but_not_to_auditors_or_vendor_managers() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(
                AiSystemFixtures.diagnosisAssistant("Workflow " + System.nanoTime(), owner.username()));
        Risk risk = risks.identify(details("Workflow risk " + System.nanoTime(), system.getId(), null, null));
        TestAccounts.signOut();
        assertWorkflowVisible(officer, risk, true);
        assertWorkflowVisible(owner, risk, true);
        assertWorkflowVisible(accounts.create("auditor", Role.AUDITOR), risk, false);
        assertWorkflowVisible(accounts.create("vendors", Role.VENDOR_MANAGER), risk, false);
        assertWorkflowVisible(accounts.create("other-owner", Role.SYSTEM_OWNER), risk, false);
    }

    private void assertWorkflowVisible(AegisUser user, Risk risk, boolean visible) {
        Karibu.signInAndOpen(context, user);
        RisksView view = open();
        view.open(risk.getId());
        assertThat(view.editor.isOpened()).isTrue();
        assertThat(view.editor.workflow.isVisible()).as(user.username()).isEqualTo(visible);
        Karibu.close();
    }

    private long raised(String title) {
        return risks.count(new RiskService.Filter(title, null, null, null, null, null, null));
    }

    private static RiskDetails details(String title, long system, String owner, LocalDate due) {
        return new RiskDetails(title, null, Category.SAFETY, Set.of(system), Set.of(), Set.of(), 3, 4, owner, due);
    }

    private static RisksView open() {
        UI.getCurrent().navigate(RisksView.class);
        return _get(RisksView.class);
    }
}
