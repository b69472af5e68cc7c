package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole Aegis started with AEGIS_DEMO=true on a database of its own, as someone trying it would: the demo tells its
 * story from the first screen (EveryRouteBrowserTest photographs and checks its screens) — the clinic system with evidence, linked telemetry and an open finding, an issued
 * Statement of Applicability, vendors with an approved and an in-progress assessment, scope confirmed.
 */
class DemoStoryIntegrationTest {

    static final String SERVER = System.getenv().getOrDefault("AEGIS_TEST_DB_SERVER", "localhost:5432");
    static final String USER = System.getenv().getOrDefault("AEGIS_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("AEGIS_TEST_DB_PASSWORD", "");
    static final String CLINIC = "Clinic diagnosis assistant";
    static final String DEMO_PASSWORD = "Demo-Story-Password-2026";

    static String database;
    static RunningAegis demo;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void startTheDemo() {
        database = "aegis_demo_story_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        demo = RunningAegis.start(
                "spring.datasource.url=jdbc:postgresql://" + SERVER + "/" + database,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD,
                "aegis.demo=true",
                "aegis.demo-password=" + DEMO_PASSWORD,
                "aegis.admin-password=Juniper-Compass-Orchard-72",
                "vaadin.devmode.devTools.enabled=false");
        jdbc = demo.context().getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopAndDropItsDatabase() throws Exception {
        try {
            if (demo != null) {
                demo.close();
            }
        } finally {
            try (Connection c =
                            DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
                    var st = c.createStatement()) {
                st.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    long clinic() {
        return jdbc.queryForObject("select id from inventory.ai_system where name = ?", Long.class, CLINIC);
    }

    @Test
    void the_clinic_system_has_a_file_and_a_record_as_evidence() {
        assertThat(jdbc.queryForList(
                        "select i.kind from evidence.evidence_item i join evidence.evidence_link l "
                                + "on l.item_id = i.id where l.target_type = 'SYSTEM' and l.target_id = ?",
                        String.class,
                        clinic()))
                .contains("FILE", "RECORD");
        assertThat(jdbc.queryForObject(
                        "select count(*) from evidence.evidence_item where kind = 'FILE' "
                                + "and reviewed_by = 'demo-officer'",
                        Long.class))
                .isPositive();
    }

    @Test
    void the_clinic_system_is_linked_to_the_monitor_with_telemetry_tests_and_has_an_open_finding() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from telemetry.deployment_link where ai_system_id = ?", Long.class, clinic()))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select count(*) from telemetry.telemetry_test where ai_system_id = ?", Long.class, clinic()))
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from finding.finding where system_id = ? and state = 'OPEN'",
                        Long.class,
                        clinic()))
                .isOne();
    }

    @Test
    void the_vendor_chatbot_gets_simulated_llm_traffic_and_its_prompt_injection_test_opens_a_finding()
            throws InterruptedException {
        long chatbot =
                jdbc.queryForObject("select id from inventory.ai_system where name = 'Vendor LLM chatbot'", Long.class);
        assertThat(jdbc.queryForList(
                        "select deployment from telemetry.deployment_link where ai_system_id = ?",
                        String.class,
                        chatbot))
                .containsExactly("support-chatbot");
        assertThat(jdbc.queryForList(
                        "select metric from telemetry.telemetry_test where ai_system_id = ?", String.class, chatbot))
                .containsExactly("PROMPT_INJECTION_RATE");
        // the simulator files ten minutes of history at once; figures and tests run every minute
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(4);
        long open = 0;
        while (open == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5000);
            open = jdbc.queryForObject(
                    "select count(*) from finding.finding where system_id = ? and state = 'OPEN'", Long.class, chatbot);
        }
        assertThat(open).as("an open finding on the chatbot").isOne();
        assertThat(jdbc.queryForObject(
                        "select count(*) from monitor.event e join monitor.deployment d on d.id = e.deployment_id "
                                + "where d.name = 'support-chatbot' and e.llm is not null",
                        Long.class))
                .isGreaterThan(100);
    }

    @Test
    void the_statement_of_applicability_is_decided_and_issued_with_an_approver() {
        assertThat(jdbc.queryForObject("select approved_by from control.soa_version where number = 1", String.class))
                .isEqualTo("demo-officer");
        assertThat(jdbc.queryForObject("select count(*) from control.soa_entry where not applicable", Long.class))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from control.soa_entry", Long.class))
                .isEqualTo(38);
    }

    @Test
    void two_vendors_have_an_approved_and_an_in_progress_assessment() {
        assertThat(jdbc.queryForList(
                        "select a.state from vendor.assessment a join vendor.vendor v on v.id = a.vendor_id "
                                + "order by v.name",
                        String.class))
                .containsExactlyInAnyOrder("APPROVED", "IN_PROGRESS");
        assertThat(jdbc.queryForObject(
                        "select risk_score from vendor.vendor where name = 'Northwind Language Models'", Integer.class))
                .isNotNull();
    }

    @Test
    void the_demo_systems_scope_is_confirmed() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from inventory.system_scope where state = 'PROPOSED'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from inventory.system_scope where state = 'CONFIRMED'", Long.class))
                .isPositive();
    }

    @Test
    void the_demo_writes_are_audited_under_the_demo_users_who_made_them() {
        assertThat(jdbc.queryForList(
                        "select distinct actor from audit.audit_entry where actor like 'demo-%'", String.class))
                .contains("demo-officer", "demo-owner", "demo-vendor-manager");
    }
}
