package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.Assessment;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.Questionnaire;
import dev.aegis.vendor.Questionnaire.QuestionType;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorFixtures;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.ui.TemplateEditor.Row;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class TemplateEditorTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Autowired
    AssessmentService assessments;

    @Autowired
    VendorService vendors;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void saving_in_the_editor_writes_a_new_version_and_a_running_assessment_keeps_its_own() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "editor-" + System.nanoTime();
        QuestionnaireTemplate v1 = templates.importJson(TEMPLATE.formatted(key)).template();
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Editor " + key, Set.of()));
        Assessment running =
                assessments.start(vendor.getId(), v1.getId(), LocalDate.now().plusDays(20));

        TemplateEditor editor = open(v1.getId());
        assertThat(editor.key.isReadOnly()).isTrue();
        editor.select(row(editor, 0, 1));
        assertThat(editor.showIf.getValue().id).isEqualTo("q1");
        assertThat(editor.showIfAnyOf.getValue()).containsExactly("yes");
        editor.select(row(editor, 0, 0));
        assertThat(editor.requirements.getValue())
                .extracting(Object::toString)
                .containsExactly("ISO-IEC-42001-2023 A.10.3");
        Karibu.setValue(editor.text, "Do you encrypt prompts at rest?");
        Karibu.setValue(editor.help, "Say how keys are managed.");
        editor.save.click();

        assertThat(editor.problemsBox.isVisible()).isFalse();
        assertThat(templates.versions(key))
                .extracting(QuestionnaireTemplate::getVersion)
                .containsExactly(2, 1);
        QuestionnaireTemplate v2 = templates.versions(key).getFirst();
        Questionnaire saved = templates.questionnaire(v2.getId());
        assertThat(saved.questions().getFirst().text()).isEqualTo("Do you encrypt prompts at rest?");
        assertThat(saved.questions().getFirst().help()).isEqualTo("Say how keys are managed.");
        assertThat(saved.questions().get(1).showIf().anyOf()).containsExactly("yes");
        assertThat(saved.questions().getFirst().requirements()).hasSize(1);

        Assessment still = assessments.get(running.getId());
        assertThat(still.getTemplateId()).isEqualTo(v1.getId());
        assertThat(assessments
                        .questionnaire(running.getId())
                        .questions()
                        .getFirst()
                        .text())
                .isEqualTo("Do you encrypt prompts?");
        assertThat(templates.export(v2.getId())).contains("\"help\"");
        assertThat(templates.export(v1.getId())).doesNotContain("\"help\"");
    }

    @Test
    void problems_are_shown_next_to_their_fields_and_nothing_is_saved() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "editor-bad-" + System.nanoTime();
        QuestionnaireTemplate v1 = templates.importJson(TEMPLATE.formatted(key)).template();
        TemplateEditor editor = open(v1.getId());

        editor.select(row(editor, 0, 0));
        Karibu.setValue(editor.text, "");
        Karibu.setValue(editor.weight, 12);
        editor.save.click();

        assertThat(editor.text.isInvalid()).isTrue();
        assertThat(editor.text.getErrorMessage()).isEqualTo("Needs its text.");
        assertThat(editor.weight.isInvalid()).isTrue();
        assertThat(editor.weight.getErrorMessage()).isEqualTo("Weight runs from 0 to 10.");
        assertThat(editor.problemsBox.isVisible()).isTrue();
        assertThat(templates.versions(key)).hasSize(1);

        editor.select(row(editor, 0, 2));
        Karibu.setValue(editor.type, QuestionType.TEXT);
        assertThat(editor.weight.isEnabled()).isFalse();
    }

    @Test
    void an_overlong_title_or_question_is_refused_at_its_field_with_its_limit() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "editor-long-" + System.nanoTime();
        QuestionnaireTemplate v1 = templates.importJson(TEMPLATE.formatted(key)).template();
        TemplateEditor editor = open(v1.getId());

        Karibu.setValue(editor.title, "T".repeat(301));
        editor.select(row(editor, 0, 0));
        Karibu.setValue(editor.text, "Q".repeat(2001));
        editor.save.click();

        assertThat(editor.title.isInvalid()).isTrue();
        assertThat(editor.title.getErrorMessage()).isEqualTo("The title can be at most 300 characters.");
        assertThat(editor.title.getHelperText()).isEqualTo("301 / 300 characters");
        assertThat(editor.text.getErrorMessage()).isEqualTo("Its text can be at most 2,000 characters.");
        assertThat(templates.versions(key)).hasSize(1);
    }

    @Test
    void a_new_template_is_built_question_by_question() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "editor-new-" + System.nanoTime();
        UI.getCurrent().navigate(TemplateEditor.class);
        TemplateEditor editor = _get(TemplateEditor.class);
        Karibu.setValue(editor.key, key);
        Karibu.setValue(editor.title, "Built in the editor");
        editor.addQuestion.click();
        Karibu.setValue(editor.text, "Do you keep audit logs?");
        editor.addQuestion.click();
        Karibu.setValue(editor.type, QuestionType.TEXT);
        Karibu.setValue(editor.text, "Where?");
        Karibu.setValue(editor.showIf, editor.sections.getFirst().questions.getFirst());
        Karibu.setValue(editor.showIfAnyOf, Set.of("yes"));
        editor.save.click();

        assertThat(editor.problemsBox.isVisible()).isFalse();
        Questionnaire saved =
                templates.questionnaire(templates.versions(key).getFirst().getId());
        assertThat(saved.title()).isEqualTo("Built in the editor");
        assertThat(saved.questions())
                .extracting(Questionnaire.Question::text)
                .containsExactly("Do you keep audit logs?", "Where?");
        assertThat(saved.questions().get(1).showIf().question())
                .isEqualTo(saved.questions().getFirst().id());
    }

    @Test
    void an_option_of_a_multiple_choice_is_made_exclusive_in_the_editor() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "editor-exclusive-" + System.nanoTime();
        QuestionnaireTemplate v1 = templates.importJson(TEMPLATE.formatted(key)).template();
        TemplateEditor editor = open(v1.getId());
        editor.select(row(editor, 0, 2));
        assertThat(_find(editor.options, Checkbox.class)).isEmpty();
        Karibu.setValue(editor.type, QuestionType.MULTIPLE_CHOICE);
        editor.addOption.click();
        List<TextField> fields = _find(editor.options, TextField.class);
        Karibu.setValue(fields.get(4), "none");
        Karibu.setValue(fields.get(5), "None of these");
        List<Checkbox> exclusive = _find(editor.options, Checkbox.class);
        assertThat(exclusive).hasSize(3);
        Karibu.setValue(exclusive.get(2), true);
        editor.save.click();

        assertThat(editor.problemsBox.isVisible()).isFalse();
        Questionnaire saved =
                templates.questionnaire(templates.versions(key).getFirst().getId());
        assertThat(saved.questions().get(2).options())
                .extracting(Questionnaire.Option::excludesOthers)
                .containsExactly(false, false, true);
    }

    private static Row row(TemplateEditor editor, int section, int question) {
        var s = editor.sections.get(section);
        return new Row(s, s.questions.get(question));
    }

    private static TemplateEditor open(long templateId) {
        UI.getCurrent().navigate(TemplateEditor.class, templateId);
        return _get(TemplateEditor.class);
    }

    private static final String TEMPLATE = """
            {"format": "aegis-questionnaire/1", "key": "%s", "title": "Editor test", "description": null,
             "sections": [{"id": "s", "title": "Security", "questions": [
               {"id": "q1", "type": "YES_NO", "text": "Do you encrypt prompts?", "required": true, "weight": 2,
                "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 20}],
                "showIf": null, "requirements": [{"framework": "ISO-IEC-42001-2023", "ref": "A.10.3"}]},
               {"id": "q2", "type": "TEXT", "text": "Which keys?", "required": true, "weight": 0,
                "options": [], "showIf": {"question": "q1", "anyOf": ["yes"]}, "requirements": []},
               {"id": "q3", "type": "SINGLE_CHOICE", "text": "Hosting?", "required": false, "weight": 1,
                "options": [{"value": "eu", "label": "EU", "score": 100}, {"value": "us", "label": "US", "score": 50}],
                "showIf": null, "requirements": []}]}]}
            """;
}
