package dev.aegis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on this run's own PostgreSQL database, served on a random port. All such tests
 * share one Spring context (keep the properties identical), so the application starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "aegis.admin-password=" + AegisTest.ADMIN_PASSWORD,
            "aegis.bootstrap-token=" + AegisTest.BOOTSTRAP_TOKEN,
            // tests run Vaadin in development mode; its tool bar and notices would cover the screens a browser test
            // uses
            "vaadin.devmode.devTools.enabled=false",
            // module listeners run right after the publisher's commit on its thread, so a test sees their work at once
            // (the crash test, TelemetryCrashTest, runs them as production does)
            "aegis.events.inline-listeners=true",
            // the people the fixtures name as owners exist in the shared context only (FixturePeople)
            "aegis.test.fixture-people=true"
        })
public @interface AegisTest {
    /** AEGIS_ADMIN_PASSWORD in tests: the first admin's one-time password, to be changed at first sign-in. */
    String ADMIN_PASSWORD = "Tangerine-Harbor-Lantern-93";
    /** AEGIS_BOOTSTRAP_TOKEN in tests. */
    String BOOTSTRAP_TOKEN = "aeg_test-bootstrap-token-0123456789abcdef";
}
