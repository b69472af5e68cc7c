package dev.aegis.inventory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ui.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class InventoryCardTest {

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
    void the_dashboard_counts_systems_by_tier_and_stage() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        service.register(AiSystemFixtures.diagnosisAssistant("Dashboard " + System.nanoTime(), "owner"));
        AiSystemService.Figures figures = service.figures();
        assertThat(figures.byTier().get(dev.aegis.inventory.Classification.EuAiActTier.HIGH))
                .isPositive();

        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate(DashboardView.class);
        String text = _get(Div.class, spec -> spec.withId("inventory-card"))
                .getElement()
                .getTextRecursively();
        assertThat(text)
                .contains("AI systems: " + figures.total())
                .contains("By EU AI Act tier")
                .contains("High" + figures.byTier().get(dev.aegis.inventory.Classification.EuAiActTier.HIGH))
                .contains("Deployment"
                        + figures.byStage().get(dev.aegis.inventory.Classification.LifecycleStage.DEPLOYMENT));

        // a bar's label opens the inventory filtered to it
        var high = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("High"));
        Karibu.navigate(high.getHref());
        AiSystemsView view = _get(AiSystemsView.class);
        assertThat(view.tier.getValue()).isEqualTo(dev.aegis.inventory.Classification.EuAiActTier.HIGH);
    }
}
