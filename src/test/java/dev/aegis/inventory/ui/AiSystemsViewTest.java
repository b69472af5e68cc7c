package dev.aegis.inventory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.Tab;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class AiSystemsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService service;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_officer_registers_a_system_from_the_form() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemsView view = open();
        String name = "Chatbot " + System.nanoTime();
        view.openNew();
        Karibu.setValue(view.form.name, name);
        Karibu.setValue(view.form.purpose, "Answers customer questions");
        view.form.save.click();
        assertThat(view.dialog.isOpened()).isFalse();
        Karibu.setValue(view.text, name);
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void a_missing_name_and_a_retirement_without_deletion_record_are_shown_at_their_fields() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemsView view = open();
        view.openNew();
        Karibu.setValue(view.form.purpose, "Something");
        view.form.save.click();
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).isEqualTo("Name the system.");
        assertThat(view.dialog.isOpened()).isTrue();

        Karibu.setValue(view.form.name, "Old model " + System.nanoTime());
        Karibu.setValue(view.form.status, Status.RETIRED);
        view.form.save.click();
        assertThat(view.form.deletionDate.isInvalid()).isTrue();
        assertThat(view.form.deletionDate.getErrorMessage()).contains("secure deletion");
        assertThat(view.dialog.isOpened()).isTrue();
    }

    @Test
    void a_system_owner_sees_other_systems_read_only_and_has_no_register_button() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem theirs = service.register(AiSystemFixtures.diagnosisAssistant("Theirs " + System.nanoTime(), "other"));
        AiSystem mine =
                service.register(AiSystemFixtures.diagnosisAssistant("Mine " + System.nanoTime(), owner.username()));
        Karibu.signInAndOpen(context, owner);
        AiSystemsView view = open();
        assertThat(view.register.isVisible()).isFalse();
        view.open(theirs);
        assertThat(view.form.save.isVisible()).isFalse();
        assertThat(view.form.name.isReadOnly()).isTrue();
        view.open(mine);
        assertThat(view.form.save.isVisible()).isTrue();
    }

    @Test
    void a_stale_edit_is_refused_and_says_what_the_other_person_changed() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = service.register(AiSystemFixtures.diagnosisAssistant("Contested " + System.nanoTime(), "o"));
        Karibu.signInAndOpen(context, officer);
        AiSystemsView view = open();
        view.open(system);
        // someone else saves in between
        service.update(
                system.getId(),
                system.getVersion(),
                AiSystemFixtures.renamed(system.details(), system.getName() + " (theirs)"));
        Karibu.setValue(view.form.purpose, "My better purpose");
        view.form.save.click();
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.form.purpose.getValue()).isEqualTo("My better purpose");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(
                                com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("conflict-dialog"))
                        .getElement()
                        .getTextRecursively())
                .contains("name");
    }

    @Test
    void the_import_dialog_shows_each_problem_by_row_and_column_and_offers_no_apply() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemsView view = open();
        assertThat(view.importFile.isVisible()).isTrue();
        view.importFile.click();
        assertThat(view.importDialog.isOpened()).isTrue();
        String tag = "Dialog" + System.nanoTime();
        view.importDialog.receive(
                ("name,purpose,lifecycleStage,deployment,modelType,autonomy,euAiActTier,euAiActRole,status\n"
                                + tag + ",Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE\n"
                                + tag + " b,Triage,DEPLOYMENT,IN_HOUSE,ORACLE,AUTONOMOUS,UNASSESSED,NONE,ACTIVE\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(view.importDialog.problems.isVisible()).isTrue();
        assertThat(_size(view.importDialog.problems)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(view.importDialog.problems, 0))
                .satisfies(p -> {
                    assertThat(p.row()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo("modelType");
                });
        assertThat(view.importDialog.apply.isEnabled()).isFalse();

        view.importDialog.receive(
                ("name,purpose,lifecycleStage,deployment,modelType,autonomy,euAiActTier,euAiActRole,status\n" + tag
                                + ",Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(view.importDialog.problems.isVisible()).isFalse();
        assertThat(view.importDialog.result.getElement().getTextRecursively()).contains("registers 1 new system");
        view.importDialog.apply.click();
        assertThat(view.importDialog.isOpened()).isFalse();
        Karibu.setValue(view.text, tag);
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void an_auditor_sees_the_export_buttons_but_not_import() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        AiSystemsView view = open();
        assertThat(view.importFile.isVisible()).isFalse();
        assertThat(view.exportCsv.isVisible()).isTrue();
        assertThat(view.exportXlsx.getElement().getAttribute("download")).isNotNull();
    }

    @Test
    void a_systems_form_links_its_page_and_the_page_links_back_to_the_form() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = service.register(AiSystemFixtures.diagnosisAssistant("Linked " + System.nanoTime(), "o"));
        Karibu.signInAndOpen(context, officer);
        AiSystemsView view = open();
        view.open(system);
        assertThat(view.page.getHref()).isEqualTo("systems/" + system.getId());

        Karibu.navigate(view.page.getHref());
        AiSystemPage page = _get(AiSystemPage.class);
        assertThat(view.dialog.isOpened())
                .as("leaving the inventory closes its dialog")
                .isFalse();
        assertThat(page.summary.getText()).contains("Generative / LLM", "PHI (health data)", "EU AI Act High");
        assertThat(page.edit.getHref()).isEqualTo("systems?system=" + system.getId());

        Karibu.navigate(page.edit.getHref());
        AiSystemsView back = _get(AiSystemsView.class);
        assertThat(back.dialog.isOpened()).isTrue();
        assertThat(back.form.name.getValue()).isEqualTo(system.getName());
    }

    @Test
    void a_systems_page_opens_on_its_first_tab_only_and_its_address_can_name_another() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = service.register(AiSystemFixtures.diagnosisAssistant("Tabbed " + System.nanoTime(), "o"));
        Karibu.signInAndOpen(context, officer);

        Karibu.navigate("systems/" + system.getId());
        AiSystemPage page = _get(AiSystemPage.class);
        assertThat(page.tabs.getChildren().map(t -> ((Tab) t).getLabel()))
                .containsExactly("Risks and threats", "Findings", "Telemetry", "Evidence", "EU AI Act", "Scope");
        assertThat(page.tabs.getSelectedTab().getLabel()).isEqualTo("Risks and threats");
        assertThat(page.content.getChildren()).hasSize(1);
        assertThat(_find(ScopePanel.class))
                .as("the scope is built when its tab is first chosen")
                .isEmpty();

        Karibu.navigate("systems/" + system.getId() + "?tab=scope");
        page = _get(AiSystemPage.class);
        assertThat(page.tabs.getSelectedTab().getLabel()).isEqualTo("Scope");
        assertThat(_find(ScopePanel.class)).hasSize(1);
        assertThat(page.content.getElement().getAttribute("aria-labelledby")).isEqualTo("system-tab-scope");
    }

    private static AiSystemsView open() {
        UI.getCurrent().navigate(AiSystemsView.class);
        return _get(AiSystemsView.class);
    }
}
