package dev.aegis.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class DemoControlsTest {

    @Autowired
    ControlService controls;

    @Autowired
    AiSystemService systems;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void demo_mode_applies_starter_controls_to_the_demo_systems_once() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        for (String name : DemoControls.SYSTEMS.keySet()) {
            if (systems.count(new AiSystemService.Filter(name, null, null, null, null)) == 0) {
                systems.register(AiSystemFixtures.diagnosisAssistant(name, "demo-owner"));
            }
        }
        TestAccounts.signOut();
        DemoControls demo = new DemoControls(controls, systems, clock);
        demo.run(null);
        demo.run(null);
        assertThat(jdbc.queryForObject("select count(*) from control.control where starter_id is not null", Long.class))
                .isGreaterThanOrEqualTo(48);
        // SC-45 (inventory of AI systems) is adopted by no other test, so this run applied it to every demo system
        assertThat(jdbc.queryForList(
                        "select distinct s.name from control.control_application a "
                                + "join inventory.ai_system s on s.id = a.ai_system_id join control.control c on c.id = a.control_id "
                                + "where c.starter_id = 'SC-45'",
                        String.class))
                .containsAll(DemoControls.SYSTEMS.keySet());
        assertThat(jdbc.queryForList(
                        "select starter_id from control.control where starter_id is not null "
                                + "group by starter_id having count(*) > 1",
                        String.class))
                .isEmpty();
    }
}
