package dev.aegis.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.InventoryGenerator;
import dev.aegis.inventory.InventoryGenerator.GeneratedSystem;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark generator, small: 50 systems and 200 risks that the services read like any others. */
@AegisTest
class RiskGeneratorTest {

    @Autowired
    InventoryGenerator inventory;

    @Autowired
    RiskGenerator register;

    @Autowired
    RiskService risks;

    @Autowired
    AiSystemService systems;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void generated_systems_and_risks_are_readable_through_the_services() {
        String prefix = "Gen" + System.nanoTime();
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        Random random = new Random(7);
        List<GeneratedSystem> generated = inventory.generate(50, prefix, random, Instant.now());
        register.generate(generated, 200, prefix, random, Instant.now());

        assertThat(systems.count(new AiSystemService.Filter(prefix, null, null, null, null)))
                .isEqualTo(50);
        RiskService.Filter mine = new RiskService.Filter(prefix, null, null, null, null, null, null);
        assertThat(risks.count(mine)).isEqualTo(200);
        var page = risks.search(mine, PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "inherentScore")));
        assertThat(page.getTotalElements()).isEqualTo(200);
        assertThat(page.getContent()).hasSize(50).allSatisfy(r -> {
            assertThat(r.getSystems()).hasSizeBetween(1, 3);
            assertThat(r.getInherentScore()).isEqualTo(r.getInherentLikelihood() * r.getInherentImpact());
        });
        assertThat(page.getContent().getFirst().getInherentScore())
                .isGreaterThanOrEqualTo(page.getContent().getLast().getInherentScore());
        // every state of the workflow, each with the fields it needs
        for (Status status : Status.values()) {
            assertThat(risks.count(new RiskService.Filter(prefix, status, null, null, null, null, null)))
                    .as(status.name())
                    .isPositive();
        }
        Risk accepted = risks.search(
                        new RiskService.Filter(prefix, Status.ACCEPTED, null, null, null, null, null),
                        PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(accepted.getAcceptedBy()).isNotBlank().isNotEqualToIgnoringCase(accepted.getOwner());
        // threats are ATLAS techniques or OWASP LLM entries of the catalog, requirements real catalog entries
        assertThat(jdbc.queryForObject("""
                select count(*) from risk.risk_threat t join risk.risk r on r.id = t.risk_id
                join framework.requirement q on q.id = t.requirement_id join framework.framework f on f.id = q.framework_id
                where r.title like ? and f.code not in ('MITRE-ATLAS', 'OWASP-LLM-TOP10-2025')""", Long.class, prefix + "%")).isZero();
        Long requirement = jdbc.queryForObject(
                "select q.requirement_id from risk.risk_requirement q "
                        + "join risk.risk r on r.id = q.risk_id where r.title like ? limit 1",
                Long.class,
                prefix + "%");
        assertThat(risks.count(new RiskService.Filter(prefix, null, null, null, null, requirement, null)))
                .isPositive();
        assertThat(risks.slice(mine, PageRequest.of(3, 50)).getContent()).hasSize(50);
    }
}
