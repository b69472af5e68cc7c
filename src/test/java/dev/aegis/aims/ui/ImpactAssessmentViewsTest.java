package dev.aegis.aims.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.aims.ImpactAssessmentService;
import dev.aegis.aims.ImpactVocabulary.Affected;
import dev.aegis.aims.ImpactVocabulary.Stage;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class ImpactAssessmentViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    ImpactAssessmentService assessments;

    @AfterEach
    void close() {
        Karibu.close();
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @Test
    void an_officer_assesses_a_system_on_the_screens_the_flag_shows_and_a_second_officer_approves() {
        AegisUser author = accounts.create("ia-screen-author", Role.GOVERNANCE_OFFICER);
        AegisUser approver = accounts.create("ia-screen-approver", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(author);
        String name = "Screen-assessed system " + System.nanoTime();
        long system = systems.register(diagnosisAssistant(name, "owner")).getId();

        Karibu.signInAndOpen(context, author);
        UI.getCurrent().navigate(ImpactAssessmentsView.class);
        _click(_get(ImpactAssessmentsView.class).start);
        ImpactAssessmentPage page = _get(ImpactAssessmentPage.class);
        Karibu.setValue(
                page.system,
                page.system
                        .getListDataView()
                        .getItems()
                        .filter(s -> s.id() == system)
                        .findFirst()
                        .orElseThrow());
        Karibu.setValue(page.intendedUse, "Suggests diagnoses to physicians");
        _click(page.save);
        assertThat(page.misuse.isInvalid())
                .as("the misuse is required, said at the field")
                .isTrue();
        assertThat(page.misuse.getErrorMessage()).isEqualTo("Name the foreseeable misuse, or say why there is none.");

        Karibu.setValue(page.misuse, "Suggestions accepted unread");
        Karibu.setValue(page.stakeholders, "Patients, physicians");
        Karibu.setValue(page.measures, "A physician confirms every suggestion");
        Karibu.setValue(page.residual, "Low");
        _click(page.addImpact);
        _click(page.keepImpact);
        assertThat(page.impactDescription.isInvalid()).isTrue();
        Karibu.setValue(page.on, Affected.GROUPS);
        Karibu.setValue(page.impactDescription, "Longer waits for patients writing in other languages");
        Karibu.setValue(page.likelihood, 3);
        Karibu.setValue(page.severity, 4);
        _click(page.keepImpact);
        _click(page.save);

        page = _get(ImpactAssessmentPage.class);
        assertThat(page.heading.getText()).matches("IA-\\d{3} · " + name);
        assertThat(page.flag.isVisible()).isTrue();
        assertThat(page.flag.getText()).startsWith("1 high impact names no risk");
        long id = assessments.list().stream()
                .filter(a -> a.system().id() == system)
                .findFirst()
                .orElseThrow()
                .id();
        // the author may not approve (four eyes)
        _click(button("aims-ia-approve"));
        _click(button("aims-ia-confirm-approve"));
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(t -> assertThat(t).contains("someone else must approve it (four-eyes rule)"));

        Karibu.close();
        Karibu.signInAndOpen(context, approver);
        UI.getCurrent().navigate(ImpactAssessmentPage.class, id);
        _click(button("aims-ia-approve"));
        _click(button("aims-ia-confirm-approve"));
        assertThat(assessments.get(id).latest().stage()).isEqualTo(Stage.APPROVED);
        assertThat(_find(Button.class, spec -> spec.withId("aims-ia-revise"))).hasSize(1);

        Karibu.close();
        Karibu.signInAndOpen(context, accounts.create("ia-screen-auditor", Role.AUDITOR));
        UI.getCurrent().navigate(ImpactAssessmentsView.class);
        ImpactAssessmentsView register = _get(ImpactAssessmentsView.class);
        assertThat(register.start.isVisible()).as("auditors read only").isFalse();
        assertThat(register.grid.getGenericDataView().getItems()).anyMatch(a -> a.id() == id);
        UI.getCurrent().navigate(ImpactAssessmentPage.class, id);
        assertThat(_find(Button.class, spec -> spec.withId("aims-ia-revise"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("aims-ia-edit"))).isEmpty();
        assertThat(_get(ImpactAssessmentPage.class).flag.isVisible()).isTrue();
    }
}
