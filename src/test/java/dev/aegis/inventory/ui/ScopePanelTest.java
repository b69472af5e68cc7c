package dev.aegis.inventory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.ListDataProvider;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.ScopeService;
import dev.aegis.inventory.ScopeService.Item;
import dev.aegis.inventory.ScopeState;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class ScopePanelTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    ScopeService scope;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_officer_sees_the_proposal_by_framework_confirms_it_and_excludes_with_a_justification() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Scoped " + System.nanoTime(), "owner"));
        Karibu.signInAndOpen(context, officer);
        AiSystemsView view = open();
        view.open(system);
        assertThat(view.showScope.isVisible()).isTrue();
        view.showScope.click();
        ScopePanel panel = view.scope;
        assertThat(view.scopeDialog.isOpened()).isTrue();
        assertThat(panel.grids.keySet())
                .contains("NIST-AI-RMF-1.0", "ISO-IEC-42001-2023", "OWASP-LLM-TOP10-2025", "NIST-AI-600-1");
        Item injection = row(panel, "OWASP-LLM-TOP10-2025", "LLM01:2025");
        assertThat(injection.state()).isEqualTo(ScopeState.PROPOSED);
        assertThat(injection.reason()).contains("Generative");
        assertThat(panel.summaryText()).contains("proposed");
        assertThat(panel.confirmAll.isVisible()).isTrue();

        panel.confirmAll.click();
        assertThat(row(panel, "OWASP-LLM-TOP10-2025", "LLM01:2025").state()).isEqualTo(ScopeState.CONFIRMED);
        assertThat(panel.confirmAll.isEnabled()).isFalse();

        panel.askToExclude(row(panel, "OWASP-LLM-TOP10-2025", "LLM06:2025"));
        assertThat(panel.excludeDialog.isOpened()).isTrue();
        panel.excludeConfirm.click();
        assertThat(panel.justification.isInvalid()).isTrue();
        assertThat(panel.justification.getErrorMessage()).contains("justification");
        Karibu.setValue(panel.justification, "No tools, no actions: the model only drafts text.");
        panel.excludeConfirm.click();
        assertThat(panel.excludeDialog.isOpened()).isFalse();
        Item excluded = row(panel, "OWASP-LLM-TOP10-2025", "LLM06:2025");
        assertThat(excluded.state()).isEqualTo(ScopeState.EXCLUDED);
        assertThat(ScopePanel.state(excluded)).isEqualTo("Excluded");
        assertThat(panel.summaryText()).contains("1 excluded");
    }

    @Test
    void the_systems_owner_reads_the_scope_and_decides_nothing() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem mine =
                systems.register(AiSystemFixtures.diagnosisAssistant("Mine " + System.nanoTime(), owner.username()));
        AiSystem theirs = systems.register(AiSystemFixtures.diagnosisAssistant("Theirs " + System.nanoTime(), "other"));
        Karibu.signInAndOpen(context, owner);
        AiSystemsView view = open();
        view.open(theirs);
        assertThat(view.showScope.isVisible()).isFalse();
        view.open(mine);
        view.showScope.click();
        ScopePanel panel = view.scope;
        assertThat(panel.grids).isNotEmpty();
        assertThat(panel.confirmAll.isVisible()).isFalse();
        assertThat(panel.proposeAgain.isVisible()).isFalse();
        assertThat(panel.grids.values())
                .allSatisfy(g -> assertThat(g.getColumns()).hasSize(4));
    }

    @SuppressWarnings("unchecked")
    private static Item row(ScopePanel panel, String framework, String refId) {
        List<Item> items =
                List.copyOf(((ListDataProvider<Item>) panel.grids.get(framework).getDataProvider()).getItems());
        return items.stream().filter(i -> i.refId().equals(refId)).findFirst().orElseThrow();
    }

    private static AiSystemsView open() {
        UI.getCurrent().navigate(AiSystemsView.class);
        return _get(AiSystemsView.class);
    }
}
