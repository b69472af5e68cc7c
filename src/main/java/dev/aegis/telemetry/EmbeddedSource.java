package dev.aegis.telemetry;

import dev.aegis.shared.LocalMonitorTokens;
import dev.aegis.shared.StartupWork;
import dev.aegis.telemetry.TelemetryEvents.TelemetrySourceChanged;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When this instance runs the monitor, registers it as the telemetry source {@value TelemetrySource#EMBEDDED}: reached
 * over HTTP at this instance's own address like any stand-alone monitor. Its token is {@code AEGIS_MONITOR_TOKEN} when
 * that is set, otherwise a monitor token the monitor issues for the register through the shared
 * {@link LocalMonitorTokens} hook (so the register never imports the monitor). An existing source keeps its token and
 * follows the address when the port changes.
 */
@Component
@Order(45)
class EmbeddedSource implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSource.class);
    private final ObjectProvider<LocalMonitorTokens> monitor;
    private final TelemetrySources sources;
    private final TelemetrySettings settings;
    private final Environment environment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final SourceTokens tokens;
    private final StartupWork startup;
    private final TransactionTemplate tx;

    EmbeddedSource(
            ObjectProvider<LocalMonitorTokens> monitor,
            TelemetrySources sources,
            TelemetrySettings settings,
            Environment environment,
            ApplicationEventPublisher events,
            Clock clock,
            SourceTokens tokens,
            StartupWork startup,
            PlatformTransactionManager transactions) {
        this.tokens = tokens;
        this.startup = startup;
        this.tx = new TransactionTemplate(transactions);
        this.monitor = monitor;
        this.sources = sources;
        this.settings = settings;
        this.environment = environment;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startup.run("the embedded telemetry source", () -> tx.executeWithoutResult(status -> ensure()));
    }

    private void ensure() {
        LocalMonitorTokens issuer = monitor.getIfAvailable();
        String port = environment.getProperty("local.server.port");
        if (issuer == null || (port == null && blank(settings.embeddedUrl()))) {
            return; // the monitor is off here, or there is no web server (a command-line run)
        }
        String url = blank(settings.embeddedUrl())
                ? "http://localhost:" + port
                : settings.embeddedUrl().trim();
        TelemetrySource existing = sources.findByName(TelemetrySource.EMBEDDED).orElse(null);
        if (existing != null) {
            if (!existing.getBaseUrl().equals(url)) {
                existing.change(existing.getKind(), url, null);
                sources.save(existing);
            }
            return;
        }
        String given = environment.getProperty("aegis.monitor.token");
        String token = !blank(given) && given.trim().length() >= 24
                ? given.trim()
                : issuer.issueForRegister("telemetry: the register's embedded source");
        TelemetrySource s = sources.saveAndFlush(new TelemetrySource(
                TelemetrySource.EMBEDDED,
                TelemetrySource.Kind.AEGIS_MONITOR,
                url,
                tokens.seal(token),
                "system",
                clock.instant()));
        events.publishEvent(
                new TelemetrySourceChanged(s.getId(), s.getName(), s.getKind().name(), url, "ADD", true));
        log.info("Registered this instance's monitor as the telemetry source '{}' at {}", s.getName(), url);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
