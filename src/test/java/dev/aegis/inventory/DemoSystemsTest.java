package dev.aegis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class DemoSystemsTest {

    @Autowired
    AiSystemService service;

    @Autowired
    ScopeService scope;

    @Autowired
    Validator validator;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demo_mode_registers_the_three_showcase_systems_once_and_audited() {
        assertThat(DemoSystems.systems())
                .allSatisfy(d -> assertThat(validator.validate(d)).isEmpty());
        DemoSystems demo = new DemoSystems(service, scope);
        demo.run(null);
        demo.run(null);
        assertThat(jdbc.queryForList(
                        "select name from inventory.ai_system where name in "
                                + "('Clinic diagnosis assistant', 'Customer sentiment API', 'Vendor LLM chatbot')",
                        String.class))
                .hasSize(3);
        assertThat(jdbc.queryForObject(
                        "select eu_ai_act_tier from inventory.ai_system where name = 'Clinic diagnosis assistant'",
                        String.class))
                .isEqualTo("HIGH");
        // registered once each (another test may have made them first), and each registration is in the audit log
        assertThat(jdbc.queryForObject(
                        "select count(distinct a.object_id) from audit.audit_entry a join inventory.ai_system s "
                                + "on a.object_id = s.id::text where a.object_type = 'AiSystem' and a.action = 'CREATE' and s.name in "
                                + "('Clinic diagnosis assistant', 'Customer sentiment API', 'Vendor LLM chatbot')",
                        Long.class))
                .isEqualTo(3);
    }
}
