package dev.aegis.risk.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.ScopeService.TypicalThreat;
import dev.aegis.inventory.ui.AiSystemPage;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.ui.RiskForm.SystemRef;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class SystemRisksPanelTest {

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
    }

    @Test
    void a_systems_page_lists_uncovered_typical_threats_and_raising_one_moves_it_to_the_systems_risks() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Page " + System.nanoTime(), "owner"));
        Karibu.signInAndOpen(context, officer);
        Karibu.navigate("systems/" + system.getId());

        assertThat(_get(AiSystemPage.class).getPageTitle()).startsWith(system.getName());
        SystemRisksPanel.Panel panel = _get(SystemRisksPanel.Panel.class);
        assertThat(_size(panel.grid)).isZero();
        assertThat(refIds(panel))
                .contains("AML.T0051", "AML.T0054", "AML.T0057", "LLM01:2025", "AML.T0024.000")
                .doesNotContain("AML.T0015");

        int row = refIds(panel).indexOf("AML.T0051");
        ((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(panel.threats, row, "raise")).click();
        RiskForm form = panel.editor.form;
        assertThat(panel.editor.isOpened()).isTrue();
        assertThat(form.title.getValue()).isEqualTo("LLM Prompt Injection against " + system.getName());
        assertThat(form.category.getValue()).isEqualTo(Category.SECURITY);
        assertThat(form.systems.getValue()).containsExactly(new SystemRef(system.getId(), system.getName()));
        assertThat(form.threats.getValue()).extracting(r -> r.refId()).containsExactly("AML.T0051");
        Karibu.setValue(form.inherentLikelihood, 4);
        Karibu.setValue(form.inherentImpact, 4);
        form.save.click();

        assertThat(panel.editor.isOpened()).isFalse();
        assertThat(_findAll(panel.grid))
                .extracting(Risk::getTitle)
                .containsExactly("LLM Prompt Injection against " + system.getName());
        assertThat(refIds(panel)).doesNotContain("AML.T0051").contains("AML.T0054");

        // a click on a risk opens it in the register
        com.github.mvysny.kaributesting.v10.GridKt._clickItem(panel.grid, 0);
        RisksView register = _get(RisksView.class);
        assertThat(register.editor.isOpened()).isTrue();
        assertThat(register.editor.form.title.getValue()).startsWith("LLM Prompt Injection");
    }

    @Test
    void a_classifier_gets_evasion_and_extraction_but_no_llm_threats() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.classified(
                AiSystemFixtures.diagnosisAssistant("Scorer " + System.nanoTime(), "owner"),
                ModelType.CLASSIFIER,
                Deployment.VENDOR_API,
                EuAiActTier.LIMITED,
                DataCategory.FINANCIAL));

        assertThat(risks.uncoveredThreats(system.getId()))
                .extracting(t -> t.threat().refId())
                .contains("AML.T0015", "AML.T0043", "AML.T0020", "AML.T0024.002", "AML.T0010")
                .noneMatch(ref -> ref.startsWith("LLM"))
                .doesNotContain("AML.T0051", "AML.T0025");
    }

    @Test
    void readers_see_the_threats_without_raise_buttons_and_a_system_owner_raises_for_their_own_system() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
        AiSystem system =
                systems.register(AiSystemFixtures.diagnosisAssistant("Owned " + System.nanoTime(), owner.username()));

        Karibu.signInAndOpen(context, accounts.create("vendors", Role.VENDOR_MANAGER));
        Karibu.navigate("systems/" + system.getId());
        SystemRisksPanel.Panel panel = _get(SystemRisksPanel.Panel.class);
        assertThat(_size(panel.threats)).isPositive();
        assertThat(panel.threats.getColumnByKey("raise")).isNull();
        Karibu.close();

        Karibu.signInAndOpen(context, owner);
        Karibu.navigate("systems/" + system.getId());
        panel = _get(SystemRisksPanel.Panel.class);
        panel.raise(_findAll(panel.threats).getFirst());
        Karibu.setValue(panel.editor.form.inherentLikelihood, 2);
        Karibu.setValue(panel.editor.form.inherentImpact, 3);
        panel.editor.form.save.click();
        assertThat(_size(panel.grid)).isEqualTo(1);
    }

    @Test
    void an_unknown_system_says_so() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        Karibu.navigate("systems/987654321");
        assertThat(_get(AiSystemPage.class).getElement().getTextRecursively())
                .contains("There is no AI system 987654321");
        assertThat(_find(SystemRisksPanel.Panel.class)).isEmpty();
        UI.getCurrent();
    }

    private static java.util.List<String> refIds(SystemRisksPanel.Panel panel) {
        return _findAll(panel.threats).stream()
                .map(TypicalThreat::threat)
                .map(r -> r.refId())
                .toList();
    }
}
