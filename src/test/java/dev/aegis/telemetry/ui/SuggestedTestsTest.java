package dev.aegis.telemetry.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.control.Control;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ui.ControlsView;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.telemetry.Comparison;
import dev.aegis.telemetry.SuggestedTests;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The telemetry tests suggested for starter controls, adopted in one click on the control's page. */
@AegisTest
class SuggestedTestsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ControlService controls;

    @Autowired
    AiSystemService systems;

    @Autowired
    TelemetryService telemetry;

    @AfterEach
    void close() {
        Karibu.close();
        TestAccounts.signOut();
    }

    @Test
    void the_owasp_llm_starter_controls_suggest_tests_on_the_monitors_llm_figures() {
        var injection = SuggestedTests.forStarter("SC-26").orElseThrow().test();
        assertThat(injection.metric()).isEqualTo("PROMPT_INJECTION_RATE");
        assertThat(injection.comparison()).isEqualTo(Comparison.LT);
        assertThat(injection.threshold()).isEqualTo(0.01);
        var cards = SuggestedTests.forStarter("SC-04").orElseThrow().test();
        assertThat(cards.metric()).isEqualTo("PERSONAL_DATA_RESPONSE_RATE");
        assertThat(cards.subject()).isEqualTo("payment card number");
        assertThat(cards.comparison()).isEqualTo(Comparison.LE);
        assertThat(cards.threshold()).isZero();
        assertThat(SuggestedTests.forStarter("SC-24").orElseThrow().test().metric())
                .isEqualTo("COST");
        assertThat(SuggestedTests.forStarter("SC-27").orElseThrow().sentence()).contains("LLM05");
        assertThat(SuggestedTests.forStarter("SC-14"))
                .as("a model card has no telemetry")
                .isEmpty();
        SuggestedTests.all()
                .values()
                .forEach(s -> assertThat(
                                dev.aegis.telemetry.Metrics.normalise(s.test().metric()))
                        .as(s.starterId())
                        .isNotNull());
    }

    @Test
    void an_officer_adopts_the_suggested_test_for_a_system_in_one_click_on_the_controls_page_and_only_once() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        controls.adopt(List.of("SC-26"));
        Control control = controls.starterLibrary().stream()
                .filter(e -> e.control().id().equals("SC-26"))
                .map(e -> controls.get(e.adoptedAs()))
                .findFirst()
                .orElseThrow();
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Chatbot " + System.nanoTime(), "someone"))
                .getId();
        controls.apply(control.getId(), List.of(system), null);

        Karibu.signInAndOpen(context, officer);
        UI.getCurrent()
                .navigate("controls", com.vaadin.flow.router.QueryParameters.of("control", "" + control.getId()));
        _get(VerticalLayout.class, spec -> spec.withId("suggested-test"));
        _get(Button.class, spec -> spec.withId("adopt-suggested-test-" + system))
                .click();

        List<TelemetryTest> tests = telemetry.tests(system);
        assertThat(tests).hasSize(1);
        assertThat(tests.getFirst().getControlId()).isEqualTo(control.getId());
        assertThat(tests.getFirst().describe())
                .isEqualTo("prompt-injection attempts < 1.00 % on every subject over 1h, n ≥ 50");
        assertThat(_find(Button.class, spec -> spec.withId("adopt-suggested-test-" + system)))
                .as("once adopted the button makes way for what the system has")
                .isEmpty();
        assertThatThrownBy(() -> telemetry.adoptSuggestedTest(control.getId(), system))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("already");
    }

    @Test
    void a_control_without_a_suggestion_shows_none_and_adopting_one_is_refused() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        Control own = controls.create(new ControlDetails(
                "Our own control " + System.nanoTime(),
                "Something we do",
                ControlType.DETECTIVE,
                officer.getUsername(),
                ImplementationStatus.IMPLEMENTED,
                null,
                TestFrequency.CONTINUOUS,
                null,
                null,
                Map.of(),
                Set.of()));
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Scorer " + System.nanoTime(), "someone"))
                .getId();
        controls.apply(own.getId(), List.of(system), null);
        assertThatThrownBy(() -> telemetry.adoptSuggestedTest(own.getId(), system))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("no suggested telemetry test");

        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate("controls", com.vaadin.flow.router.QueryParameters.of("control", "" + own.getId()));
        _get(ControlsView.class);
        assertThat(_find(VerticalLayout.class, spec -> spec.withId("suggested-test")))
                .isEmpty();
    }
}
