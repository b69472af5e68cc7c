package dev.aegis.risk;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.InventoryGenerator;
import dev.aegis.inventory.InventoryGenerator.GeneratedSystem;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The generator command ({@code --aegis.generate.risks=100000}, see {@code docs/benchmarks.md}): once Aegis has
 * migrated the schemas and imported the bundled catalogs, fills the database with {@code aegis.generate.systems} AI
 * systems (default 10,000) and {@code aegis.generate.risks} risks, vacuums and analyses the tables so the planner knows their
 * size, and exits (unless {@code aegis.generate.exit=false}). Never runs unless asked for.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "aegis.generate.risks")
class GenerateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);
    private final InventoryGenerator inventory;
    private final RiskGenerator register;
    private final JdbcTemplate jdbc;
    private final Environment env;
    private final ConfigurableApplicationContext context;
    private final Clock clock;

    GenerateCommand(
            InventoryGenerator inventory,
            RiskGenerator register,
            JdbcTemplate jdbc,
            Environment env,
            ConfigurableApplicationContext context,
            Clock clock) {
        this.inventory = inventory;
        this.register = register;
        this.jdbc = jdbc;
        this.env = env;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int systems = env.getProperty("aegis.generate.systems", Integer.class, 10_000);
        int risks = env.getRequiredProperty("aegis.generate.risks", Integer.class);
        String prefix = env.getProperty("aegis.generate.prefix", "");
        Random random = new Random(env.getProperty("aegis.generate.seed", Long.class, 42L));
        long start = System.nanoTime();
        List<GeneratedSystem> generated = inventory.generate(systems, prefix, random, clock.instant());
        long afterSystems = System.nanoTime();
        // the catalog is read as the system, as the other start-up runners do
        Actors.runAsSystem(Set.of(FrameworkCatalog.SYSTEM_READ), () -> {
            register.generate(generated, risks, prefix, random, clock.instant());
        });
        long afterRisks = System.nanoTime();
        inventory.analyze();
        jdbc.execute("vacuum analyze risk.risk, risk.risk_system, risk.risk_threat, risk.risk_requirement");
        long end = System.nanoTime();
        log.info(
                "Generated {} AI systems in {} ms and {} risks in {} ms; vacuum analyze took {} ms; {} ms in all",
                systems,
                (afterSystems - start) / 1_000_000,
                risks,
                (afterRisks - afterSystems) / 1_000_000,
                (end - afterRisks) / 1_000_000,
                (end - start) / 1_000_000);
        if (env.getProperty("aegis.generate.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
