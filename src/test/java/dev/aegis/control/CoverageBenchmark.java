package dev.aegis.control;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;

import dev.aegis.AegisTest;
import dev.aegis.control.CoverageService.FrameworkCoverage;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Coverage at scale: 2,000 controls and 10,000 AI systems, each system with the scope of a generative, high-risk
 * system handling PHI and 20 controls applied. Skipped unless asked for:
 * {@code ./mvnw -B test -Dtest=CoverageBenchmark -Daegis.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints p50/p95/max; figures go to docs/benchmarks.md (no timed assertion here).
 */
@AegisTest
@EnabledIfSystemProperty(named = "aegis.benchmark", matches = "true")
class CoverageBenchmark {

    static final int CONTROLS = 2_000;
    static final int SYSTEMS = 10_000;
    static final int APPLIED_PER_SYSTEM = 20;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CoverageService coverage;

    @Autowired
    AiSystemService systems;

    @Autowired
    ControlService controls;

    @Autowired
    TestAccounts accounts;

    @Test
    void coverage_of_one_system_and_of_the_organisation_at_2000_controls_and_10000_systems() {
        TestAccounts.signIn(accounts.create("bench", Role.GOVERNANCE_OFFICER));
        long template = systems.register(diagnosisAssistant("Bench template " + System.nanoTime(), "bench"))
                .getId();
        controls.adopt(
                controls.starterLibrary().stream().map(e -> e.control().id()).toList());
        long started = System.nanoTime();
        generate(template);
        System.out.printf(
                "BENCH generated %d controls, %d systems in %.1f s%n",
                CONTROLS, SYSTEMS, (System.nanoTime() - started) / 1e9);
        jdbc.execute("analyze");
        List<Long> ids = jdbc.queryForList(
                "select id from inventory.ai_system where name like 'Bench system %' " + "order by id limit 200",
                Long.class);

        for (String framework : List.of("ISO-IEC-42001-2023", "NIST-AI-RMF-1.0")) {
            measure("one system, " + framework, 100, i -> coverage.framework(framework, ids.get(i % ids.size())));
            measure("organisation, " + framework, 10, i -> coverage.framework(framework, null));
        }
        measure("organisation, every framework", 10, i -> coverage.organisation());
        measure(
                "matrix page of 6 systems, ISO-IEC-42001-2023",
                30,
                i -> coverage.matrix("ISO-IEC-42001-2023", ids.subList((i * 6) % 180, (i * 6) % 180 + 6)));
        TestAccounts.signOut();
    }

    interface Run {
        Object run(int i);
    }

    void measure(String what, int n, Run run) {
        for (int i = 0; i < 3; i++) {
            run.run(i); // warm up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Object result = run.run(i);
            ms.add((System.nanoTime() - t) / 1e6);
            if (result instanceof FrameworkCoverage c && c.requirements().isEmpty()) {
                throw new IllegalStateException("empty coverage for " + what);
            }
        }
        Collections.sort(ms);
        System.out.printf(
                "BENCH %s: n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                what, n, ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1), ms.get(n - 1));
    }

    /** Set-based inserts: systems copied from the template, its scope copied to each, controls and applications. */
    void generate(long template) {
        jdbc.update("""
                insert into inventory.ai_system (name, purpose, business_owner, technical_owner, lifecycle_stage,
                    deployment, model_type, autonomy, eu_ai_act_tier, eu_ai_act_role, status, created_at, updated_at)
                select 'Bench system ' || g, purpose, business_owner, technical_owner, lifecycle_stage, deployment,
                    model_type, autonomy, eu_ai_act_tier, eu_ai_act_role, status, now(), now()
                from inventory.ai_system, generate_series(1, ?) g where id = ?""", SYSTEMS, template);
        jdbc.update("""
                insert into inventory.system_scope (ai_system_id, requirement_id, state, reason, proposed_at)
                select s.id, t.requirement_id, 'PROPOSED', 'benchmark', now()
                from inventory.ai_system s cross join inventory.system_scope t
                where s.name like 'Bench system %' and t.ai_system_id = ?""", template);
        // controls: copies of the starter controls with their mappings, statuses spread over the four values
        jdbc.update("""
                insert into control.control (title, control_type, status, not_applicable_reason, test_frequency,
                    created_at, updated_at)
                select 'Bench control ' || g, 'PREVENTIVE',
                    (array['IMPLEMENTED','IMPLEMENTED','IN_PROGRESS','PLANNED','NOT_APPLICABLE'])[1 + g % 5],
                    case when g % 5 = 4 then 'benchmark' end, 'QUARTERLY', now(), now()
                from generate_series(1, ?) g""", CONTROLS);
        jdbc.update("""
                with bench as (select id, row_number() over (order by id) as n from control.control
                               where title like 'Bench control %'),
                     starter as (select id, row_number() over (order by id) as n, count(*) over () as total
                                 from control.control where starter_id is not null)
                insert into control.control_requirement (control_id, requirement_id, strength)
                select b.id, cr.requirement_id, case when b.n % 3 = 0 then 'PARTIAL' else 'FULL' end
                from bench b join starter s on s.n = 1 + b.n % s.total
                join control.control_requirement cr on cr.control_id = s.id""");
        jdbc.update("""
                with bench as (select id, row_number() over (order by id) as n from control.control
                               where title like 'Bench control %'),
                     systems as (select id, row_number() over (order by id) as n from inventory.ai_system
                                 where name like 'Bench system %')
                insert into control.control_application (control_id, ai_system_id, status, updated_by, updated_at)
                select b.id, s.id, (array['IMPLEMENTED','IN_PROGRESS','PLANNED'])[1 + (s.n + k) % 3], 'bench', now()
                from systems s cross join generate_series(0, ? - 1) k
                join bench b on b.n = 1 + (s.n * 7 + k * 101) % ?""", APPLIED_PER_SYSTEM, CONTROLS);
    }
}
