package dev.aegis.vendor;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.shared.Actors;
import dev.aegis.shared.StartupWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Installs the questionnaire templates Aegis ships ({@code vendor/templates/*.json}) after the catalogs are loaded,
 * since their questions point at catalog requirements. Idempotent: unchanged templates write nothing.
 */
@Component
@Order(10)
class TemplateBootstrap implements ApplicationRunner {

    private final TemplateService templates;
    private final StartupWork startup;

    TemplateBootstrap(TemplateService templates, StartupWork startup) {
        this.startup = startup;
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        startup.run("the bundled questionnaire templates", this::install);
    }

    private void install() {
        // installing a bundled template checks no permission of its own (package-private, for this runner only); it
        // checks the requirements a template names against the catalogs
        Actors.runAsSystem(Set.of(FrameworkCatalog.SYSTEM_READ), () -> {
            for (Resource r : bundled()) {
                templates.installBundled(read(r));
            }
        });
    }

    private static Resource[] bundled() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:vendor/templates/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource r) {
        try (var in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
