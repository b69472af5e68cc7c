package dev.aegis.shared.db;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Each module keeps its own schema and its own migration history: the migrations of module {@code m} live in
 * {@code db/migration/m/} and Flyway runs once per module, with the history table inside that schema. A module
 * can therefore be lifted out (as the monitor is meant to be) with its schema and history intact.
 */
@Component("moduleMigrations")
public class ModuleMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
    private final DataSource dataSource;
    private final Environment env;
    private List<String> schemas = List.of();

    ModuleMigrations(DataSource dataSource, Environment env) {
        this.dataSource = dataSource;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        schemas = discoverSchemas();
        String only = env.getProperty("aegis.modules.schemas");
        if (only != null && !only.isBlank()) {
            List<String> wanted =
                    Arrays.stream(only.split(",")).map(String::trim).toList();
            schemas = schemas.stream().filter(wanted::contains).toList();
        }
        // shared first (the others rely on it); the other modules' schemas are independent of each other (no
        // module's SQL names another's schema: SchemaOwnershipUnitTest), so they migrate side by side: a restart
        // spends most of this step waiting for the database's answers to Flyway's checks
        if (!schemas.isEmpty() && schemas.getFirst().equals("shared")) {
            migrate("shared");
        }
        List<String> others = schemas.stream().filter(s -> !s.equals("shared")).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, others.size())))) {
            List<Future<?>> running = others.stream()
                    .<Future<?>>map(schema -> pool.submit(() -> migrate(schema)))
                    .toList();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while migrating the database", e);
                }
            }
        }
    }

    private void migrate(String schema) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .table("flyway_schema_history")
                .load()
                .migrate();
        log.info(
                "Schema {}: {} migration(s) applied, now at version {}",
                schema,
                result.migrationsExecuted,
                result.targetSchemaVersion);
    }

    /** The schemas migrated: shared first, the others side by side. */
    public List<String> schemas() {
        return schemas;
    }

    private static List<String> discoverSchemas() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql");
        TreeSet<String> names = new TreeSet<>();
        for (Resource r : found) {
            String url = Objects.requireNonNull(r.getURL()).toString();
            String[] parts = url.split("/");
            names.add(parts[parts.length - 2]);
        }
        // shared holds what the other modules rely on (e.g. the scheduler lock): migrate it first
        List<String> ordered = new java.util.ArrayList<>(names);
        if (ordered.remove("shared")) {
            ordered.addFirst("shared");
        }
        return ordered;
    }
}
