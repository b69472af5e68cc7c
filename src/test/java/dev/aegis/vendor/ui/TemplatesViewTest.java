package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class TemplatesViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void a_vendor_manager_edits_a_template_as_json_and_saves_the_next_version() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        TemplatesView view = open();
        String key = "edited-" + System.nanoTime();
        view.newTemplate.click();
        Karibu.setValue(view.editor, view.editor.getValue().replace("my-template", key));
        view.save.click();
        assertThat(view.editor.isInvalid()).isFalse();
        assertThat(view.version.getValue().getVersion()).isEqualTo(1);

        Karibu.setValue(view.editor, view.editor.getValue().replace("Do you ...?", "Do you log prompts?"));
        view.save.click();
        assertThat(templates.versions(key))
                .extracting(QuestionnaireTemplate::getVersion)
                .containsExactly(2, 1);
        assertThat(view.questions
                        .getChildren()
                        .filter(c -> c instanceof Paragraph)
                        .map(c -> ((Paragraph) c).getText()))
                .anyMatch(t -> t.startsWith("Do you log prompts?"));

        Karibu.setValue(view.editor, view.editor.getValue().replace("A.10.3", "A.77"));
        view.save.click();
        assertThat(view.editor.isInvalid()).isTrue();
        assertThat(view.editor.getErrorMessage()).contains("no requirement ISO-IEC-42001-2023 A.77");
    }

    @Test
    void an_auditor_reads_templates_without_the_editor() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        TemplatesView view = open();
        assertThat(view.editor.isVisible()).isFalse();
        assertThat(view.newTemplate.isVisible()).isFalse();
    }

    private static TemplatesView open() {
        UI.getCurrent().navigate(TemplatesView.class);
        return _get(TemplatesView.class);
    }
}
