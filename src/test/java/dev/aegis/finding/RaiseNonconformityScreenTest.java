package dev.aegis.finding;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.finding.FindingFixtures.Governed;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A finding's page offers officers "Raise a nonconformity", which opens the AIMS form prefilled from the finding. */
@AegisTest
class RaiseNonconformityScreenTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    FindingFixtures fixtures;

    @Autowired
    Findings findings;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void
            an_officer_raises_a_nonconformity_from_a_finding_page_with_the_form_prefilled_and_an_auditor_is_not_offered_it() {
        Governed g = fixtures.governed("NC from finding");
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.31, Instant.now()));
        Finding f = findings.findByCause("test:" + g.testId()).orElseThrow();

        Karibu.signInAndOpen(context, accounts.create("nc-auditor", Role.AUDITOR));
        UI.getCurrent().navigate("findings/" + f.getId());
        assertThat(_find(Button.class, spec -> spec.withId("finding-raise-nc")))
                .as("auditors are not offered it")
                .isEmpty();
        Karibu.close();

        Karibu.signInAndOpen(context, g.officer());
        UI.getCurrent().navigate("findings/" + f.getId());
        _click(_get(Button.class, spec -> spec.withId("finding-raise-nc")));
        TextField title = _get(TextField.class, spec -> spec.withId("aims-nc-title"));
        assertThat(title.getValue()).isEqualTo(f.getTitle());
        @SuppressWarnings("unchecked")
        ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withLabel("Owner of the correction"));
        Karibu.setValue(owner, g.officer().getUsername());
        _click(_get(Button.class, spec -> spec.withId("aims-save-nc")));
        assertThat(_find(H2.class).stream().map(H2::getText)).anyMatch(t -> t.matches("NC-\\d{3} · .*"));
    }
}
