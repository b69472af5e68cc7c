package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.TestResult;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the starter library adopted, most of it implemented, and controls applied to the
 * three demo AI systems with statuses that differ per system, so coverage, gaps, threat coverage and the Statement of
 * Applicability show something. Only starter controls not in the library yet are adopted and applied, so a restart
 * changes nothing.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoControls implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoControls.class);
    /** Starter controls still being rolled out in the demo organisation; the rest are implemented. */
    static final Set<String> IN_PROGRESS = Set.of("SC-16", "SC-20", "SC-21", "SC-30", "SC-35", "SC-40");

    static final Set<String> PLANNED = Set.of("SC-13", "SC-28", "SC-43", "SC-48");
    /** Starter controls that only make sense for generative systems. */
    static final Set<String> GENERATIVE_ONLY = Set.of("SC-21", "SC-26", "SC-27", "SC-28", "SC-29", "SC-30", "SC-33");
    /** Starter controls about third parties. */
    static final Set<String> VENDOR = Set.of("SC-12", "SC-41", "SC-42");

    static final Map<String, String> SYSTEMS = Map.of(
            "Clinic diagnosis assistant", "in-house generative",
            "Customer sentiment API", "in-house classifier",
            "Vendor LLM chatbot", "vendor generative");

    private final ControlService controls;
    private final AiSystemService systems;
    private final Clock clock;

    DemoControls(ControlService controls, AiSystemService systems, Clock clock) {
        this.controls = controls;
        this.systems = systems;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAsSystem(
                Set.of(
                        AiSystemService.SYSTEM_READ,
                        ControlService.SYSTEM_READ,
                        ControlService.SYSTEM_SEED,
                        FrameworkCatalog.SYSTEM_READ),
                () -> {
                    List<Control> adopted = controls.adopt(controls.starterLibrary().stream()
                            .filter(e -> e.adoptedAs() == null)
                            .map(e -> e.control().id())
                            .toList());
                    if (adopted.isEmpty()) {
                        return;
                    }
                    LocalDate tested = LocalDate.now(clock).minusDays(20);
                    for (Control c : adopted) {
                        ImplementationStatus status = IN_PROGRESS.contains(c.getStarterId())
                                ? ImplementationStatus.IN_PROGRESS
                                : PLANNED.contains(c.getStarterId())
                                        ? ImplementationStatus.PLANNED
                                        : ImplementationStatus.IMPLEMENTED;
                        ControlDetails d = c.details();
                        boolean implemented = status == ImplementationStatus.IMPLEMENTED;
                        Control updated = controls.update(
                                c.getId(),
                                c.getVersion(),
                                new ControlDetails(
                                        d.title(),
                                        d.description(),
                                        d.type(),
                                        "demo-officer",
                                        status,
                                        null,
                                        d.testFrequency(),
                                        implemented ? tested : null,
                                        implemented ? TestResult.PASSED : null,
                                        d.requirements(),
                                        d.risks()));
                        for (var entry : SYSTEMS.entrySet()) {
                            AiSystem system = system(entry.getKey());
                            if (system == null || !applies(c.getStarterId(), entry.getValue())) {
                                continue;
                            }
                            // the classifier lags behind on monitoring; the vendor chatbot relies on the vendor for
                            // training
                            ImplementationStatus there =
                                    entry.getValue().contains("classifier") && "MONITORING".equals(c.getStage())
                                            ? ImplementationStatus.IN_PROGRESS
                                            : entry.getValue().startsWith("vendor") && "TRAINING".equals(c.getStage())
                                                    ? ImplementationStatus.PLANNED
                                                    : status;
                            controls.apply(updated.getId(), List.of(system.getId()), there);
                        }
                    }
                    log.info(
                            "Demo mode: adopted {} starter controls and applied them to the demo AI systems",
                            adopted.size());
                });
    }

    private static boolean applies(String starterId, String kind) {
        if (GENERATIVE_ONLY.contains(starterId) && !kind.contains("generative")) {
            return false;
        }
        return !VENDOR.contains(starterId) || kind.startsWith("vendor");
    }

    private AiSystem system(String name) {
        return systems.search(new AiSystemService.Filter(name, null, null, null, null), PageRequest.of(0, 5)).stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElse(null);
    }
}
