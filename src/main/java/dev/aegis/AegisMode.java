package dev.aegis;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What one Aegis process runs: the whole register with the embedded monitor ({@code full}, the default), or the
 * inference monitor alone beside real model servers ({@code monitor}): {@code AEGIS_MODE}, or {@code aegis.mode} as a
 * system property or command-line argument. The mode picks the application's primary source before Spring starts,
 * because which packages are scanned, which entities exist and which routes Vaadin serves are fixed from there on.
 */
public enum AegisMode {

    /** The register and everything in it, the monitor embedded (unless {@code AEGIS_MONITOR_ENABLED=false}). */
    FULL(Application.class),
    /** Only {@code shared}, {@code security}, {@code audit} and {@code monitor}: see {@link MonitorOnlyApplication}. */
    MONITOR(MonitorOnlyApplication.class);

    public static final String PROPERTY = "aegis.mode";

    private final Class<?> primarySource;

    AegisMode(Class<?> primarySource) {
        this.primarySource = primarySource;
    }

    /** The mode the command line, the system properties or the environment ({@code AEGIS_MODE}) ask for. */
    public static AegisMode of(String... args) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return parse(env.getProperty(PROPERTY, "full"));
    }

    static AegisMode parse(String value) {
        String wanted = value == null || value.isBlank() ? "full" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.value().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "AEGIS_MODE (aegis.mode) is '" + value + "': it must be 'full' (the register with the embedded "
                                + "monitor) or 'monitor' (the inference monitor alone)"));
    }

    /** The value as written in AEGIS_MODE. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    Class<?> primarySource() {
        return primarySource;
    }
}
