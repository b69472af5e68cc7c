package dev.aegis.risk.ui;

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
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class RisksViewTest {

    @Autowired ApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired AiSystemService systems;
    @Autowired FrameworkCatalog catalog;

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
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();

        view.openNew();
        String title = "Prompt injection leaks notes " + System.nanoTime();
        Karibu.setValue(view.title, title);
        Karibu.setValue(view.riskCategory, Category.SECURITY);
        Karibu.setValue(view.riskSystems, Set.of(system));
        Karibu.setValue(view.threats, Set.of(technique));
        Karibu.setValue(view.likelihood, 4);
        Karibu.setValue(view.impact, 5);
        view.save.click();

        assertThat(view.dialog.isOpened()).isFalse();
        Karibu.setValue(view.text, title);
        assertThat(_size(view.grid)).isEqualTo(1);
        var inherent = view.heatMap.getChildren().findFirst().orElseThrow().getElement();
        assertThat(cell(inherent, 4, 5)).isPositive();

        UI.getCurrent().navigate(dev.aegis.shared.ui.DashboardView.class);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("risk-card")).getElement()
                .getTextRecursively()).contains("Open risks:").contains("Critical (15–25)");
    }

    @Test
    void a_risk_without_title_or_system_is_refused_at_its_fields() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        RisksView view = open();
        view.openNew();
        Karibu.setValue(view.likelihood, 2);
        Karibu.setValue(view.impact, 2);
        view.save.click();
        assertThat(view.title.isInvalid()).isTrue();
        assertThat(view.riskSystems.isInvalid()).isTrue();
        assertThat(view.dialog.isOpened()).isTrue();
    }

    @Autowired dev.aegis.risk.RiskService risks;

    @Test
    void an_officer_walks_a_risk_through_assess_treat_accept_and_close() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Workflow " + System.nanoTime(), "owner"));
        var risk = risks.identify(new dev.aegis.risk.RiskDetails("Workflow risk " + System.nanoTime(), null,
                Category.SAFETY, Set.of(system.getId()), Set.of(), Set.of(), 3, 4, "someone-else", null));
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();
        view.workflow.show(risks.get(risk.getId()));
        assertThat(view.workflow.assess.isVisible()).isTrue();
        assertThat(view.workflow.close.isVisible()).isFalse();
        view.workflow.assess.click();
        assertThat(view.workflow.treat.isVisible()).isTrue();
        Karibu.setValue(view.workflow.treatment, dev.aegis.risk.RiskVocabulary.Treatment.MITIGATE);
        Karibu.setValue(view.workflow.residualLikelihood, 1);
        Karibu.setValue(view.workflow.residualImpact, 2);
        view.workflow.treat.click();
        assertThat(risks.get(risk.getId()).getResidualScore()).isEqualTo(2);
        assertThat(view.workflow.accept.isVisible()).isTrue();
        view.workflow.accept.click(); // no rationale: refused, nothing changes
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(dev.aegis.risk.RiskVocabulary.Status.TREATED);
        Karibu.setValue(view.workflow.note, "Residual risk is low; reviewed by the clinical safety board");
        Karibu.setValue(view.workflow.until, java.time.LocalDate.now().plusMonths(6));
        view.workflow.accept.click();
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(dev.aegis.risk.RiskVocabulary.Status.ACCEPTED);
        view.workflow.close.click();
        assertThat(risks.get(risk.getId()).getStatus()).isEqualTo(dev.aegis.risk.RiskVocabulary.Status.CLOSED);
        assertThat(view.workflow.reopen.isVisible()).isTrue();
    }

    @Test
    void an_auditor_reads_the_register_but_cannot_raise_risks() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        RisksView view = open();
        assertThat(view.raise.isVisible()).isFalse();
        assertThat(view.heatMap.getChildren()).hasSize(2);
    }

    /** The count in the heat-map cell for likelihood × impact (its tooltip names the cell). */
    private static long cell(com.vaadin.flow.dom.Element matrix, int likelihood, int impact) {
        String prefix = "likelihood " + likelihood + " × impact " + impact + ": ";
        return matrix.getChildren().flatMap(com.vaadin.flow.dom.Element::getChildren)
                .filter(e -> e.getAttribute("title") != null && e.getAttribute("title").startsWith(prefix))
                .map(e -> Long.parseLong(e.getAttribute("title").substring(prefix.length()).split(" ")[0]))
                .findFirst().orElseThrow();
    }

    private static RisksView open() {
        UI.getCurrent().navigate(RisksView.class);
        return _get(RisksView.class);
    }
}
