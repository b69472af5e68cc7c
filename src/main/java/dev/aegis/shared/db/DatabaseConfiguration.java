package dev.aegis.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Finds Aegis its PostgreSQL: the configured one (AEGIS_DB_URL or spring.datasource.url), else the server on
 * localhost:5432 ({@code aegis.db.probe-port}), else an embedded server whose data lives under ./data/postgres
 * ({@code aegis.embedded-db.dir}). Creates the database when it is missing and the user may create it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/aegis";
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment env) {
        String configured = env.getProperty("spring.datasource.url");
        // only the probe moves: the property lets a test make the machine's own server look absent
        int probePort = env.getProperty("aegis.db.probe-port", Integer.class, 5432);
        if (StringUtils.hasText(configured) || answers("localhost", probePort)) {
            return EmbeddedDatabase.none();
        }
        Path dir = Path.of(env.getProperty("aegis.embedded-db.dir", "data/postgres"))
                .toAbsolutePath();
        return EmbeddedDatabase.start(dir);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment env, EmbeddedDatabase embedded) {
        String url = embedded.jdbcUrl().orElse(orDefault(env.getProperty("spring.datasource.url"), DEFAULT_URL));
        String user =
                embedded.running() ? "postgres" : orDefault(env.getProperty("spring.datasource.username"), "postgres");
        String password = embedded.running() ? "" : orDefault(env.getProperty("spring.datasource.password"), "");
        ensureDatabaseExists(url, user, password);

        HikariConfig config = new HikariConfig();
        config.setPoolName("aegis");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(env.getProperty("aegis.db.pool-size", Integer.class, 10));
        // fail fast while the database is down so pages answer with an error instead of hanging
        config.setConnectionTimeout(env.getProperty("aegis.db.connection-timeout-ms", Long.class, 5000L));
        config.setInitializationFailTimeout(env.getProperty("aegis.db.initialization-fail-timeout-ms", Long.class, 1L));
        return new HikariDataSource(config);
    }

    /** JPA validates the schema, so the module migrations must run before it starts. */
    @Bean
    static BeanFactoryPostProcessor migrationsBeforeJpa() {
        return beanFactory -> {
            for (String name :
                    beanFactory.getBeanNamesForType(jakarta.persistence.EntityManagerFactory.class, true, false)) {
                var definition = beanFactory.getBeanDefinition(name.startsWith("&") ? name.substring(1) : name);
                String[] existing = definition.getDependsOn();
                String[] merged =
                        existing == null ? new String[1] : java.util.Arrays.copyOf(existing, existing.length + 1);
                merged[merged.length - 1] = "moduleMigrations";
                definition.setDependsOn(merged);
            }
        };
    }

    static void ensureDatabaseExists(String url, String user, String password) {
        DatabaseLocation location = DatabaseLocation.parse(url);
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(location.maintenanceUrl(), props)) {
            try (var ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, location.database());
                if (ps.executeQuery().next()) {
                    return;
                }
            }
            try (var st = c.createStatement()) {
                st.execute("create database \"" + location.database().replace("\"", "\"\"") + "\"");
            }
            log.info("Created database '{}' on {}:{}", location.database(), location.host(), location.port());
        } catch (SQLException e) {
            // the maintenance database may be closed to this user: then the target must already exist,
            // and the pool's first connection says clearly if it does not
            log.debug(
                    "Could not check for database {} through the maintenance database: {}",
                    location.database(),
                    e.getMessage());
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String orDefault(String value, String fallback) {
        return StringUtils.hasText(value) ? value : fallback;
    }

    /** The embedded PostgreSQL started for a machine with none, or nothing. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        static EmbeddedDatabase start(Path dataDir) {
            log.info(
                    "No database configured and none answers on localhost:5432: starting an embedded PostgreSQL with its data in {}",
                    dataDir);
            try {
                Files.createDirectories(dataDir);
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .start();
                log.info("Embedded PostgreSQL is running on port {}", pg.getPort());
                return new EmbeddedDatabase(pg);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("""
                        Aegis found no PostgreSQL and could not start its embedded one (%s).
                        Configure a PostgreSQL server it can reach:
                          AEGIS_DB_URL=jdbc:postgresql://<host>:5432/aegis
                          AEGIS_DB_USER=<user>  AEGIS_DB_PASSWORD=<password>
                        or start one on localhost:5432 (e.g. docker compose up db).""".formatted(e.getMessage()), e);
            }
        }

        boolean running() {
            return postgres != null;
        }

        java.util.Optional<String> jdbcUrl() {
            return running()
                    ? java.util.Optional.of(postgres.getJdbcUrl("postgres", "aegis"))
                    : java.util.Optional.empty();
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
