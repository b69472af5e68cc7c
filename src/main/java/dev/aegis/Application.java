package dev.aegis;

import dev.aegis.shared.StartupSteps;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole Aegis: every module (AEGIS_MODE=full, the default). {@link #main} also starts the monitor alone. */
@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        application(args).run(args);
    }

    /** Aegis in the mode these arguments, the system properties or AEGIS_MODE ask for ({@link AegisMode}). */
    public static SpringApplication application(String... args) {
        return StartupSteps.recordedWhenAsked(
                new SpringApplication(AegisMode.of(args).primarySource()));
    }
}
