package dev.aegis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings that make {@link MonitorOnlyApplication} the monitor alone however it is started ({@link Application#main},
 * a test, an IDE): it migrates only its modules' schemas (unless {@code aegis.modules.schemas} says which), Vaadin scans only their routes (it finds routes by scanning
 * packages, not through Spring), and the monitor is on. The others beat every other setting, because a register route in monitor
 * mode would be broken, not configured. Starting the whole {@link Application} while
 * {@code aegis.mode=monitor} says otherwise is refused, so a mode is never half applied.
 */
public final class AegisModeSettings implements EnvironmentPostProcessor {

    static final String SOURCE = "aegisMode";
    private static final String PACKAGES =
            "dev.aegis.shared,dev.aegis.security,dev.aegis.audit,dev.aegis.monitor,com.vaadin";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Object> sources = application.getAllSources();
        if (sources.contains(MonitorOnlyApplication.class)) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put(AegisMode.PROPERTY, AegisMode.MONITOR.value());
            if (!environment.containsProperty("aegis.modules.schemas")) {
                // set on purpose (a test's fixture schema beside them), the list is taken as given
                settings.put("aegis.modules.schemas", MonitorOnlyApplication.MODULES);
            }
            settings.put("vaadin.allowed-packages", PACKAGES);
            settings.put("aegis.monitor.enabled", "true");
            // an API path nobody serves is a 404, not the Vaadin page a browser would get (a register path above all);
            // only the monitor's API: the Monitor screens themselves live at /monitor and /monitor/deployments/…
            settings.put("vaadin.exclude-urls", "/api/**,/monitor/v1/**");
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
        } else if (sources.contains(Application.class)
                && AegisMode.parse(environment.getProperty(AegisMode.PROPERTY)) == AegisMode.MONITOR) {
            throw new IllegalStateException(
                    "aegis.mode=monitor was set after the mode was chosen: set AEGIS_MODE=monitor "
                            + "in the environment, -Daegis.mode=monitor or --aegis.mode=monitor, or start MonitorOnlyApplication");
        }
    }
}
