package dev.aegis.risk.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ui.DashboardView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class OpenHighRisksCardTest {

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
    void the_dashboard_links_the_worst_open_high_risks_to_the_register() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Dash " + System.nanoTime(), "owner"));
        // 25 is the highest score there is, so these two are among the ten shown whatever else the database holds
        Risk worst = risks.identify(new RiskDetails(
                "Worst " + System.nanoTime(),
                null,
                Category.SAFETY,
                Set.of(system.getId()),
                Set.of(),
                Set.of(),
                5,
                5,
                "someone",
                null));
        Risk low = risks.identify(new RiskDetails(
                "Low " + System.nanoTime(),
                null,
                Category.SAFETY,
                Set.of(system.getId()),
                Set.of(),
                Set.of(),
                2,
                2,
                "someone",
                null));

        // the organisation's open high risks are on the officers' dashboard (an auditor's is about evidence)
        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate(DashboardView.class);
        Div card = _get(Div.class, spec -> spec.withId("high-risks-card"));
        assertThat(card.getElement().getTextRecursively())
                .contains("Open critical risks")
                .contains(worst.getTitle())
                .doesNotContain(low.getTitle());
        Anchor link = _get(card, Anchor.class, spec -> spec.withText(worst.getTitle()));
        assertThat(link.getHref()).isEqualTo("risks?risk=" + worst.getId());

        Karibu.navigate(link.getHref());
        RisksView view = _get(RisksView.class);
        assertThat(view.editor.isOpened()).isTrue();
        assertThat(view.editor.form.title.getValue()).isEqualTo(worst.getTitle());
    }

    @Test
    void each_band_of_the_open_risks_opens_a_register_with_as_many_rows() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Bands " + System.nanoTime(), "owner"));
        for (int[] li : new int[][] {{5, 4}, {3, 3}, {2, 2}, {1, 1}}) {
            risks.identify(new RiskDetails(
                    "Band " + li[0] * li[1] + " " + System.nanoTime(),
                    null,
                    Category.SAFETY,
                    Set.of(system.getId()),
                    Set.of(),
                    Set.of(),
                    li[0],
                    li[1],
                    "someone",
                    null));
        }

        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate(DashboardView.class);
        Div card = _get(Div.class, spec -> spec.withId("risk-card"));
        List<Anchor> counts = _find(card, Anchor.class).stream()
                .filter(a -> a.getText().matches("\\d+"))
                .toList();
        assertThat(counts).hasSize(4);
        for (Anchor count : counts) {
            long shown = Long.parseLong(count.getText());
            assertThat(shown).isPositive();
            Karibu.navigate(count.getHref());
            assertThat((long) _size(_get(RisksView.class).grid))
                    .as(count.getHref())
                    .isEqualTo(shown);
        }

        // the critical ones the other card lists are the register's ?band=critical&open=true
        UI.getCurrent().navigate(DashboardView.class);
        Anchor all = _find(_get(Div.class, spec -> spec.withId("high-risks-card")), Anchor.class).stream()
                .filter(a -> a.getHref().equals("risks?band=critical&open=true"))
                .findFirst()
                .orElseThrow();
        Karibu.navigate(all.getHref());
        RisksView view = _get(RisksView.class);
        assertThat(view.band.getValue()).isEqualTo(dev.aegis.risk.RiskVocabulary.Band.CRITICAL);
        assertThat(view.openOnly.getValue()).isTrue();
        assertThat(_findAll(view.grid))
                .allSatisfy(r -> assertThat(r.getResidualScore() == null ? r.getInherentScore() : r.getResidualScore())
                        .isBetween(15, 25));
    }
}
