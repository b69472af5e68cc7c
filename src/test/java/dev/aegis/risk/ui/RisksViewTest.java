package dev.aegis.risk.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.risk.ui.RiskForm.SystemRef;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class RisksViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    RiskService risks;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_officer_raises_a_risk_against_an_atlas_technique_and_sees_it_in_the_grid_and_the_heat_map() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Risky " + System.nanoTime(), "owner"));
        var technique = catalog.find("MITRE-ATLAS", "AML.T0051").orElseThrow();
        var requirement = catalog.find("NIST-AI-RMF-1.0", "MEASURE 2.7").orElseThrow();
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();

        view.openNew();
        RiskForm form = view.editor.form;
        String title = "Prompt injection leaks notes " + System.nanoTime();
        Karibu.setValue(form.title, title);
        Karibu.setValue(form.category, Category.SECURITY);
        Karibu.setValue(form.systems, Set.of(new SystemRef(system.getId(), system.getName())));
        Karibu.setValue(form.threats, Set.of(technique));
        Karibu.setValue(form.requirements, Set.of(requirement));
        Karibu.setValue(form.inherentLikelihood, 4);
        Karibu.setValue(form.inherentImpact, 5);
        form.save.click();

        assertThat(view.editor.isOpened()).isFalse();
        Karibu.setValue(view.text, title);
        assertThat(_size(view.grid)).isEqualTo(1);
        Risk raised = _findAll(view.grid).getFirst();
        assertThat(raised.getRequirements()).containsExactly(requirement.id());
        assertThat(raised.getUpdatedBy()).isEqualTo(officer.username());
        var inherent = view.heatMap.getChildren().findFirst().orElseThrow().getElement();
        assertThat(cell(inherent, 4, 5)).isPositive();

        UI.getCurrent().navigate(dev.aegis.shared.ui.DashboardView.class);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("risk-card"))
                        .getElement()
                        .getTextRecursively())
                .contains("Open risks:")
                .contains("Critical (15–25)");
    }

    @Test
    void a_risk_without_title_or_system_is_refused_at_its_fields() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        RisksView view = open();
        view.openNew();
        Karibu.setValue(view.editor.form.inherentLikelihood, 2);
        view.editor.form.save.click();
        assertThat(view.editor.form.title.isInvalid()).isTrue();
        assertThat(view.editor.form.systems.isInvalid()).isTrue();
        assertThat(view.editor.form.inherentImpact.isInvalid()).isTrue();
        assertThat(view.editor.form.inherentImpact.getErrorMessage()).isEqualTo("Rate the impact from 1 to 5.");
        assertThat(view.editor.isOpened()).isTrue();
    }

    @Test
    void an_officer_edits_a_risk_opened_from_its_address_and_a_rule_of_the_register_shows_at_its_field() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        Risk risk = riskOf(officer, "someone-else");
        Karibu.signInAndOpen(context, officer);
        var requirement = catalog.find("ISO-IEC-42001-2023", "A.6.2.8").orElseThrow();
        Karibu.navigate("risks?risk=" + risk.getId());
        RisksView view = _get(RisksView.class);
        RiskForm form = view.editor.form;
        assertThat(view.editor.isOpened()).isTrue();
        assertThat(form.title.getValue()).isEqualTo(risk.getTitle());
        assertThat(form.save.isVisible()).isTrue();

        // a threat must be an ATLAS technique or an OWASP LLM entry: the service's rule lands at the threats field
        Karibu.setValue(form.threats, Set.of(requirement));
        form.save.click();
        assertThat(form.threats.isInvalid()).isTrue();
        assertThat(form.threats.getErrorMessage()).contains("A.6.2.8 is not");

        Karibu.setValue(form.threats, Set.of());
        Karibu.setValue(form.requirements, Set.of(requirement));
        Karibu.setValue(form.title, risk.getTitle() + " (revised)");
        Karibu.setValue(form.inherentImpact, 2);
        form.save.click();

        assertThat(view.editor.isOpened()).isFalse();
        Risk saved = risks.get(risk.getId());
        assertThat(saved.getTitle()).endsWith("(revised)");
        assertThat(saved.getRequirements()).containsExactly(requirement.id());
        assertThat(saved.getInherentScore()).isEqualTo(3 * 2);
    }

    @Test
    void a_stale_copy_is_refused_showing_who_changed_what_and_the_users_input_is_kept_and_can_be_saved_over_it() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser colleague = accounts.create("colleague", Role.GOVERNANCE_OFFICER);
        Risk risk = riskOf(officer, "someone-else");
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();
        view.open(risk.getId());
        RiskForm form = view.editor.form;
        Karibu.setValue(form.title, "Mine " + risk.getTitle());

        // meanwhile, the colleague raises the likelihood and renames the owner
        TestAccounts.signIn(colleague);
        RiskDetails d = risk.details();
        risks.update(
                risk.getId(),
                risk.getVersion(),
                new RiskDetails(
                        d.title(),
                        d.description(),
                        d.category(),
                        d.systems(),
                        d.threats(),
                        d.requirements(),
                        5,
                        d.inherentImpact(),
                        "new-owner",
                        d.dueDate()));
        TestAccounts.signIn(officer);

        form.save.click();

        assertThat(view.editor.isOpened()).isTrue();
        assertThat(view.editor.conflict.isVisible()).isTrue();
        assertThat(view.editor.conflictSummary.getText()).startsWith(colleague.username() + " saved this risk at");
        assertThat(_findAll(view.editor.changes))
                .containsExactlyInAnyOrder(
                        new RiskEditor.Change("Likelihood", "3", "5", "3"),
                        new RiskEditor.Change("Owner", "someone-else", "new-owner", "someone-else"));
        assertThat(form.title.getValue()).as("the user's input is kept").startsWith("Mine ");
        assertThat(risks.get(risk.getId()).getTitle()).isEqualTo(risk.getTitle());

        view.editor.reapply.click();

        assertThat(view.editor.isOpened()).isFalse();
        Risk saved = risks.get(risk.getId());
        assertThat(saved.getTitle()).startsWith("Mine ");
        assertThat(saved.getInherentLikelihood()).as("saved over theirs").isEqualTo(3);
    }

    @Test
    void reloading_after_a_conflict_shows_the_current_risk() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        Risk risk = riskOf(officer, "someone-else");
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();
        view.open(risk.getId());
        Karibu.setValue(view.editor.form.title, "Mine");
        risks.update(risk.getId(), risk.getVersion(), retitled(risk.details(), "Theirs"));
        view.editor.form.save.click();
        assertThat(_findAll(view.editor.changes))
                .extracting(RiskEditor.Change::field)
                .containsExactly("Title");

        view.editor.reload.click();

        assertThat(view.editor.conflict.isVisible()).isFalse();
        assertThat(view.editor.form.title.getValue()).isEqualTo("Theirs");
        view.editor.form.save.click();
        assertThat(view.editor.isOpened()).isFalse();
    }

    @Test
    void auditors_and_system_owners_of_other_systems_see_a_risk_without_save() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        Risk risk = riskOf(officer, "someone-else");
        for (AegisUser reader : new AegisUser[] {
            accounts.create("auditor", Role.AUDITOR),
            accounts.create("vendors", Role.VENDOR_MANAGER),
            accounts.create("owner", Role.SYSTEM_OWNER)
        }) {
            Karibu.signInAndOpen(context, reader);
            RisksView view = open();
            view.open(risk.getId());
            assertThat(view.editor.isOpened()).isTrue();
            assertThat(view.editor.form.title.getValue()).isEqualTo(risk.getTitle());
            assertThat(view.editor.form.save.isVisible()).as(reader.username()).isFalse();
            assertThat(view.editor.form.title.isReadOnly()).isTrue();
            Karibu.close();
        }
    }

    @Test
    void filters_combine_drive_the_heat_map_and_live_in_the_address() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem a = systems.register(AiSystemFixtures.diagnosisAssistant("Filter A " + System.nanoTime(), "owner"));
        AiSystem b = systems.register(AiSystemFixtures.diagnosisAssistant("Filter B " + System.nanoTime(), "owner"));
        var threat = catalog.find("MITRE-ATLAS", "AML.T0054").orElseThrow();
        String owner = accounts.create("filter-owner", Role.SYSTEM_OWNER).username();
        risks.identify(new RiskDetails(
                "On A with threat",
                null,
                Category.SECURITY,
                Set.of(a.getId()),
                Set.of(threat.id()),
                Set.of(),
                5,
                5,
                owner,
                null));
        risks.identify(new RiskDetails(
                "On A without threat",
                null,
                Category.SECURITY,
                Set.of(a.getId()),
                Set.of(),
                Set.of(),
                2,
                2,
                owner,
                null));
        risks.identify(new RiskDetails(
                "On B with threat",
                null,
                Category.PRIVACY,
                Set.of(b.getId()),
                Set.of(threat.id()),
                Set.of(),
                1,
                1,
                owner,
                null));
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();

        Karibu.setValue(view.owner, owner);
        assertThat(_size(view.grid)).isEqualTo(3);
        Karibu.setValue(view.system, new SystemRef(a.getId(), a.getName()));
        assertThat(_size(view.grid)).isEqualTo(2);
        var inherent = view.heatMap.getChildren().findFirst().orElseThrow().getElement();
        assertThat(cell(inherent, 5, 5)).isEqualTo(1);
        assertThat(cell(inherent, 1, 1)).as("B's risk is not on A's heat map").isZero();
        Karibu.setValue(view.requirement, threat);
        assertThat(_findAll(view.grid)).extracting(Risk::getTitle).containsExactly("On A with threat");
        assertThat(view.queryParameters().getQueryString())
                .contains("owner=" + owner)
                .contains("system=" + a.getId())
                .contains("requirement=" + threat.id());

        Karibu.navigate("risks?owner=" + owner + "&category=PRIVACY&requirement=" + threat.id());
        RisksView bookmarked = _get(RisksView.class);
        assertThat(bookmarked.category.getValue()).isEqualTo(Category.PRIVACY);
        assertThat(bookmarked.requirement.getValue().id()).isEqualTo(threat.id());
        assertThat(_findAll(bookmarked.grid)).extracting(Risk::getTitle).containsExactly("On B with threat");
    }

    @Test
    void an_officer_walks_a_risk_through_assess_treat_accept_and_close() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        Risk risk = riskOf(officer, "someone-else");
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();
        view.open(risk.getId());
        view.editor.workflow.click();
        assertThat(view.editor.isOpened()).isFalse();
        assertThat(view.workflow.isOpened()).isTrue();
        assertThat(view.workflow.assess.isVisible()).isTrue();
        assertThat(view.workflow.close.isVisible()).isFalse();
        view.workflow.assess.click();
        assertThat(view.workflow.treat.isVisible()).isTrue();
        view.workflow.treat.click(); // nothing chosen: refused at the fields
        assertThat(view.workflow.residualLikelihood.isInvalid()).isTrue();
        Karibu.setValue(view.workflow.treatment, Treatment.MITIGATE);
        Karibu.setValue(view.workflow.residualLikelihood, 1);
        Karibu.setValue(view.workflow.residualImpact, 2);
        view.workflow.treat.click();
        assertThat(risks.get(risk.getId()).getResidualScore()).isEqualTo(2);
        assertThat(view.workflow.accept.isVisible()).isTrue();
        view.workflow.accept.click(); // no rationale: refused at the field, nothing changes
        assertThat(view.workflow.note.isInvalid()).isTrue();
        assertThat(view.workflow.note.getErrorMessage()).isEqualTo("Say why the risk is accepted.");
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(Status.TREATED);
        Karibu.setValue(view.workflow.note, "Residual risk is low; reviewed by the clinical safety board");
        view.workflow.accept.click(); // no expiry: refused at the date
        assertThat(view.workflow.until.isInvalid()).isTrue();
        assertThat(view.workflow.note.getHelperText()).endsWith("/ 4,000 characters");
        Karibu.setValue(view.workflow.until, LocalDate.of(2100, 1, 1)); // a mistyped year: refused, never dropped
        view.workflow.accept.click();
        assertThat(view.workflow.until.isInvalid()).isTrue();
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(Status.TREATED);
        Karibu.setValue(view.workflow.until, LocalDate.now().plusMonths(6));
        view.workflow.accept.click();
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(Status.ACCEPTED);
        view.workflow.close.click();
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(Status.CLOSED);
        assertThat(view.workflow.reopen.isVisible()).isTrue();

        view.open(risk.getId());
        assertThat(view.editor.form.save.isVisible())
                .as("a closed risk is reopened before it changes")
                .isFalse();
    }

    @Test
    void an_auditor_reads_the_register_but_cannot_raise_risks() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        RisksView view = open();
        assertThat(view.raise.isVisible()).isFalse();
        assertThat(view.heatMap.getChildren()).hasSize(2);
    }

    private Risk riskOf(AegisUser officer, String owner) {
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Edited " + System.nanoTime(), "owner"));
        Risk risk = risks.identify(new RiskDetails(
                "Edited risk " + System.nanoTime(),
                null,
                Category.SAFETY,
                Set.of(system.getId()),
                Set.of(),
                Set.of(),
                3,
                4,
                owner,
                null));
        TestAccounts.signOut();
        return risk;
    }

    /** The count in the heat-map cell for likelihood × impact (its tooltip names the cell). */
    static long cell(com.vaadin.flow.dom.Element matrix, int likelihood, int impact) {
        String prefix = "likelihood " + likelihood + " × impact " + impact + ": ";
        return matrix.getChildren()
                .flatMap(com.vaadin.flow.dom.Element::getChildren)
                .filter(e -> e.getAttribute("title") != null
                        && e.getAttribute("title").startsWith(prefix))
                .map(e -> Long.parseLong(
                        e.getAttribute("title").substring(prefix.length()).split(" ")[0]))
                .findFirst()
                .orElseThrow();
    }

    private static RiskDetails retitled(RiskDetails d, String title) {
        return new RiskDetails(
                title,
                d.description(),
                d.category(),
                d.systems(),
                d.threats(),
                d.requirements(),
                d.inherentLikelihood(),
                d.inherentImpact(),
                d.owner(),
                d.dueDate());
    }

    private static RisksView open() {
        UI.getCurrent().navigate(RisksView.class);
        return _get(RisksView.class);
    }
}
