package dev.aegis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Each test run gets a database of its own on the machine's PostgreSQL (AEGIS_TEST_DB_SERVER, default
 * localhost:5432, user postgres), created before the first test and dropped after the last.
 */
public class TestDatabase implements LauncherSessionListener {

    static final String SERVER = System.getenv().getOrDefault("AEGIS_TEST_DB_SERVER", "localhost:5432");
    static final String USER = System.getenv().getOrDefault("AEGIS_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("AEGIS_TEST_DB_PASSWORD", "");
    private static String name;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (name != null) {
            return;
        }
        name = "aegis_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        execute("create database " + name);
        System.setProperty("spring.datasource.url", url());
        System.setProperty("spring.datasource.username", USER);
        System.setProperty("spring.datasource.password", PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (name != null) {
            // Spring keeps test contexts (and their pools) open until the JVM ends: force the drop
            execute("drop database if exists " + name + " with (force)");
            name = null;
        }
    }

    /** The JDBC URL of this run's database. */
    public static String url() {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    public static String name() {
        return name;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
                var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Tests need PostgreSQL at " + SERVER + " (user " + USER + "): " + e.getMessage(), e);
        }
    }
}
