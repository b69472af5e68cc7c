package dev.aegis.aims.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The AIMS registers of ISO/IEC 42001 6.2 to 10.2 on the screen: each opens for officers and auditors, auditors are
 * offered no writing button, and a form's refusal is shown at its field.
 */
@AegisTest
class AimsRecordScreensTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    dev.aegis.security.TestAccounts accounts;

    @AfterEach
    void close() {
        Karibu.close();
    }

    /** Each register and the id of the button that writes to it. */
    static final Map<Class<? extends Component>, String> REGISTERS = Map.of(
            ObjectivesView.class, "aims-set-objective",
            CompetenceView.class, "aims-record-competence",
            ChangesView.class, "aims-plan-change",
            InternalAuditsView.class, "aims-plan-audit",
            NonconformitiesView.class, "aims-raise-nc",
            ManagementReviewsView.class, "aims-plan-review",
            ImpactAssessmentsView.class, "aims-start-impact-assessment");

    static boolean offered(String id) {
        return _find(Button.class, spec -> spec.withId(id)).stream().anyMatch(Component::isVisible);
    }

    @Test
    void an_auditor_opens_every_aims_register_and_is_offered_no_writing_button_while_an_officer_is() {
        Karibu.signInAndOpen(context, accounts.create("screens-auditor", Role.AUDITOR));
        REGISTERS.forEach((view, button) -> {
            UI.getCurrent().navigate(view);
            assertThat(_find(view)).as(view.getSimpleName()).hasSize(1);
            assertThat(offered(button)).as(view.getSimpleName() + " " + button).isFalse();
        });
        Karibu.close();
        Karibu.signInAndOpen(context, accounts.create("screens-officer", Role.GOVERNANCE_OFFICER));
        REGISTERS.forEach((view, button) -> {
            UI.getCurrent().navigate(view);
            assertThat(offered(button)).as(view.getSimpleName() + " " + button).isTrue();
        });
    }

    @Test
    void an_officer_sees_each_forms_refusal_at_its_field() {
        Karibu.signInAndOpen(context, accounts.create("forms-officer", Role.GOVERNANCE_OFFICER));

        UI.getCurrent().navigate(ChangesView.class);
        ChangesView changes = _get(ChangesView.class);
        changes.open(null);
        Karibu.setValue(changes.title, "Retrain the model");
        Karibu.setValue(changes.impact, "Suggestions change");
        changes.save();
        assertThat(changes.reason.isInvalid()).isTrue();
        assertThat(changes.reason.getErrorMessage()).isEqualTo("Say why the change is made.");

        UI.getCurrent().navigate(ObjectivesView.class);
        ObjectivesView objectives = _get(ObjectivesView.class);
        objectives.open(null);
        objectives.save();
        assertThat(objectives.title.isInvalid()).as("objective title").isTrue();
        assertThat(objectives.title.getErrorMessage()).isNotBlank();

        UI.getCurrent().navigate(CompetenceView.class);
        CompetenceView competence = _get(CompetenceView.class);
        competence.open(null, null);
        competence.save();
        assertThat(competence.person.isInvalid()).as("competence: whose record").isTrue();
        Karibu.setValue(competence.person, competence.person.getListDataView().getItem(0));
        competence.save();
        assertThat(competence.title.isInvalid()).as("competence title").isTrue();

        UI.getCurrent().navigate(InternalAuditsView.class);
        InternalAuditsView audits = _get(InternalAuditsView.class);
        audits.dialog.open(null);
        Karibu.setValue(audits.dialog.from, LocalDate.now().plusDays(10));
        Karibu.setValue(audits.dialog.to, LocalDate.now().plusDays(11));
        audits.dialog.save();
        assertThat(audits.dialog.title.isInvalid()).as("audit title").isTrue();

        UI.getCurrent().navigate(NonconformitiesView.class);
        _click(_get(Button.class, spec -> spec.withId("aims-raise-nc")));
        _click(_get(Button.class, spec -> spec.withId("aims-save-nc")));
        TextField title = _get(TextField.class, spec -> spec.withId("aims-nc-title"));
        assertThat(title.isInvalid()).as("nonconformity title").isTrue();

        UI.getCurrent().navigate(ManagementReviewsView.class);
        _get(ManagementReviewsView.class).openPlan();
        _click(_get(Button.class, spec -> spec.withId("aims-save-review")));
        @SuppressWarnings("unchecked")
        ComboBox<String> chair = _get(ComboBox.class, spec -> spec.withLabel("Chair (top management)"));
        assertThat(chair.isInvalid()).as("review chair").isTrue();
    }
}
