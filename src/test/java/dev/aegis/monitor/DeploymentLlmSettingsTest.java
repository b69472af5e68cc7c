package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.batch;
import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deployment's own personal-data patterns (checked before they are kept) and its opt-in raw-text retention: off by
 * default, kept for the days chosen, purged when turned off, every reading audited.
 */
@AegisTest
class DeploymentLlmSettingsTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    DeploymentService deployments;

    @Autowired
    RawTexts texts;

    @Autowired
    FigureEvaluation evaluation;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    Http http() {
        return new Http(port);
    }

    @Test
    void a_patient_number_pattern_counts_as_personal_data_and_text_is_kept_only_when_opted_in_and_purged_when_off() {
        String token = fixtures.token();
        String name = uniqueName("clinic-bot");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(1));
        String prompt = "Results for PAT-004211 please";
        http().post(
                        "/monitor/v1/deployments/" + name + "/events",
                        token,
                        batch(List.of(LlmSignalsTest.call("before", start, prompt, "Here they are."))));
        long id = jdbc.queryForObject("select id from monitor.deployment where name = ?", Long.class, name);
        assertThat(jdbc.queryForObject(
                        "select count(*) from monitor.event where deployment_id = ? and llm ?? 'text'", Long.class, id))
                .as("off by default: no text kept")
                .isZero();

        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long version = deployments.get(name).getVersion();
        deployments.configureLlm(
                name, version, List.of(new PersonalDataPattern("patient number", "\\bPAT-\\d{6}\\b")), 7);
        http().post(
                        "/monitor/v1/deployments/" + name + "/events",
                        token,
                        batch(List.of(LlmSignalsTest.call("after", start.plusSeconds(60), prompt, "Here they are."))));
        assertThat(jdbc.queryForObject(
                        "select llm->'promptPersonalData'->>0 from monitor.event where deployment_id = ? "
                                + "and request_id = 'after'",
                        String.class,
                        id))
                .isEqualTo("CUSTOM");
        assertThat(jdbc.queryForObject(
                        "select llm->'promptPersonalData' from monitor.event where deployment_id = ? "
                                + "and request_id = 'before'",
                        String.class,
                        id))
                .as("before the pattern, the number was no personal data")
                .isEqualTo("[]");

        long audited = audited(name);
        var text = texts.read(name, "after").orElseThrow();
        assertThat(text.prompt()).isEqualTo(prompt);
        assertThat(text.response()).isEqualTo("Here they are.");
        assertThat(texts.read(name, "before")).isEmpty();
        assertThat(audited(name)).as("each reading is audited").isEqualTo(audited + 2);

        evaluation.evaluate(start.plus(Duration.ofHours(1)));
        assertThat(jdbc.queryForObject(
                        "select value from monitor.figure where deployment_id = ? and resolution = '1h' "
                                + "and metric = 'PERSONAL_DATA_PROMPT_RATE' and subject = ?",
                        Double.class,
                        id,
                        "personal data (deployment pattern)"))
                .isEqualTo(0.5);

        deployments.configureLlm(name, deployments.get(name).getVersion(), List.of(), null);
        assertThat(jdbc.queryForObject(
                        "select count(*) from monitor.event where deployment_id = ? and llm ?? 'text'", Long.class, id))
                .as("turned off: the kept text is purged at once")
                .isZero();
    }

    @Test
    void a_bad_pattern_or_retention_is_refused_with_its_field_and_a_clear_message() {
        String token = fixtures.token();
        String name = uniqueName("clinic-bot");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long version = deployments.get(name).getVersion();
        assertThatThrownBy(() -> deployments.configureLlm(
                        name, version, List.of(new PersonalDataPattern("patient number", "(a+a+)+y")), null))
                .isInstanceOf(DomainRuleException.class)
                .satisfies(e -> assertThat(((DomainRuleException) e).field()).isEqualTo("personalDataPatterns"))
                .hasMessageStartingWith("patient number: This pattern takes too long on repetitive text");
        assertThatThrownBy(() ->
                        deployments.configureLlm(name, version, List.of(new PersonalDataPattern("x", "PAT-(")), null))
                .hasMessageStartingWith("x: This is no regular expression");
        assertThatThrownBy(() -> deployments.configureLlm(name, version, List.of(), 400))
                .isInstanceOf(DomainRuleException.class)
                .satisfies(e -> assertThat(((DomainRuleException) e).field()).isEqualTo("rawTextDays"))
                .hasMessageStartingWith("Keep the text for 1 to 30 days");
    }

    private long audited(String deployment) {
        return jdbc.queryForObject(
                "select count(*) from audit.audit_entry where action = 'READ_RAW_TEXT' and object_id = ?",
                Long.class,
                deployment);
    }
}
