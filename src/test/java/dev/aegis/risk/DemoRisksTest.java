package dev.aegis.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class DemoRisksTest {

    @Autowired
    RiskService risks;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demo_mode_raises_risks_on_the_demo_systems_once_in_several_states() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        for (String name :
                new String[] {"Clinic diagnosis assistant", "Customer sentiment API", "Vendor LLM chatbot"}) {
            if (systems.count(new AiSystemService.Filter(name, null, null, null, null)) == 0) {
                systems.register(AiSystemFixtures.diagnosisAssistant(name, "demo-owner"));
            }
        }
        TestAccounts.signOut();
        DemoRisks demo = new DemoRisks(risks, systems, catalog);
        demo.run(null);
        demo.run(null);
        var statuses = jdbc.queryForList(
                "select status from risk.risk where title in ('Patient notes leak through "
                        + "prompt injection', 'Confident but wrong diagnosis suggestions', 'Training data poisoning through "
                        + "research extract', 'Lower accuracy for non-native speakers', 'Evasion with crafted messages', "
                        + "'Vendor trains on customer prompts', 'Unbounded consumption drives cost')",
                String.class);
        assertThat(statuses).hasSize(7).contains("IDENTIFIED", "TREATED", "ACCEPTED");
    }
}
