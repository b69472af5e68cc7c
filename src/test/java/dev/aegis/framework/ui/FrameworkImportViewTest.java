package dev.aegis.framework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Pre;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class FrameworkImportViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_officer_sees_the_difference_before_applying_an_import() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        UI.getCurrent().navigate(FrameworkImportView.class);
        FrameworkImportView view = _get(FrameworkImportView.class);
        String code = "POLICY-" + System.nanoTime();

        view.receive(file(code, "1", "- {id: P1, title: Accountability}\n  - {id: P2, title: Transparency}"));
        assertThat(view.result.getElement().getTextRecursively())
                .contains("New framework " + code)
                .contains("Added: 2");
        assertThat(view.apply.isEnabled()).isTrue();
        assertThat(frameworks(code)).isZero();

        view.applyPending();
        assertThat(frameworks(code)).isEqualTo(1);

        view.receive(
                file(code, "2", "- {id: P1, title: Accountability, text: reworded}\n  - {id: P3, title: Fairness}"));
        assertThat(view.result.getElement().getTextRecursively())
                .contains("version 1 → 2")
                .contains("Added: 1")
                .contains("Changed: 1")
                .contains("Withdrawn (kept, with their links, and flagged): 1");
    }

    @Test
    void a_bad_file_shows_each_problem_with_its_line_and_cannot_be_applied() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        UI.getCurrent().navigate(FrameworkImportView.class);
        FrameworkImportView view = _get(FrameworkImportView.class);
        view.receive("framework: {code: X, name: Bad}\nrequirements: []\n".getBytes(StandardCharsets.UTF_8));
        String problems =
                _get(Pre.class, spec -> spec.withId("import-problems")).getText();
        assertThat(problems)
                .contains("line 1, framework.code")
                .contains("framework.version: is missing")
                .contains("requirements: is empty");
        assertThat(view.apply.isEnabled()).isFalse();
    }

    @Test
    void an_oscal_catalog_is_recognised_and_previewed_like_any_framework() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        UI.getCurrent().navigate(FrameworkImportView.class);
        FrameworkImportView view = _get(FrameworkImportView.class);
        String title = "Hand-made policy " + System.nanoTime();
        String oscal = """
                {"catalog": {"uuid": "%s",
                  "metadata": {"title": "%s", "last-modified": "2026-01-01T00:00:00Z", "version": "1",
                               "oscal-version": "1.2.1"},
                  "controls": [{"id": "p1", "title": "Accountability"}, {"id": "p2", "title": "Transparency"}]}}
                """.formatted(java.util.UUID.randomUUID(), title);
        assertThat(FrameworkImportView.isOscal(oscal.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        view.receive(oscal.getBytes(StandardCharsets.UTF_8));
        assertThat(view.result.getElement().getTextRecursively())
                .contains("New framework")
                .contains("Added: 2");
        assertThat(view.apply.isEnabled()).isTrue();
    }

    private long frameworks(String code) {
        return jdbc.queryForObject("select count(*) from framework.framework where code = ?", Long.class, code);
    }

    private static byte[] file(String code, String version, String requirements) {
        return ("framework: {code: " + code + ", name: Policy, version: \"" + version + "\"}\nrequirements:\n  "
                        + requirements + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
