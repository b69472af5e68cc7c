package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every reaction of one module to another module's event is an {@code @ApplicationModuleListener}: it runs after the
 * publishing transaction commits, in a transaction of its own, and stays in the event publication registry until it
 * completes, so a crash or a failure is made good by a resubmission. Reacting before the commit or inside the
 * publisher's transaction would tie one module's failure to another's write (or lose the reaction on a crash).
 */
class CrossModuleListenersUnitTest {

    static final JavaClasses CLASSES = ModuleStructureTest.CLASSES;

    /** Listeners of other modules' events that are deliberately not module listeners, and why. */
    static final Map<String, String> DELIBERATE = Map.of(
            "dev.aegis.audit.AuditRecorder",
            "the audit log is written in the publishing transaction: its chain must hold the change it describes",
            "dev.aegis.control.CrosswalkLinks",
            "drops an in-memory cache of the catalog's crosswalks at once; there is no state to lose in a crash");

    @Test
    void every_reaction_to_another_modules_event_runs_after_commit_as_a_module_listener() {
        Map<String, String> crossModule = crossModuleListeners();
        Set<String> plain = new TreeSet<>();
        crossModule.forEach((listener, kind) -> {
            if (!kind.equals("module") && !DELIBERATE.containsKey(listener.substring(0, listener.lastIndexOf('.')))) {
                plain.add(listener);
            }
        });
        assertThat(plain)
                .as("reactions to another module's event that are not @ApplicationModuleListener")
                .isEmpty();
    }

    @Test
    void the_loop_reacts_with_module_listeners() {
        // the list the rule walks: findings, evidence records and the inventory copies are among them
        assertThat(crossModuleListeners())
                .containsEntry("dev.aegis.finding.TelemetryListener.on(ControlTestRecorded)", "module")
                .containsEntry("dev.aegis.finding.TelemetryListener.on(MonitorAlertObserved)", "module")
                .containsEntry("dev.aegis.evidence.RecordKeeper.on(ControlTestRecorded)", "module")
                .containsEntry("dev.aegis.evidence.RecordKeeper.on(AssessmentDecided)", "module")
                .containsEntry("dev.aegis.risk.SystemTiers.on(AiSystemRegistered)", "module")
                .containsEntry("dev.aegis.audit.AuditRecorder.on(AuditableEvent)", "before commit");
    }

    /** Listener method ("class.method(EventType)") → "module", "before commit" or "in the transaction". */
    static Map<String, String> crossModuleListeners() {
        Map<String, String> out = new TreeMap<>();
        for (JavaClass type : CLASSES) {
            for (JavaMethod method : type.getMethods()) {
                String kind = method.isAnnotatedWith(ApplicationModuleListener.class)
                        ? "module"
                        : method.isAnnotatedWith(TransactionalEventListener.class)
                                ? "before commit"
                                : method.isAnnotatedWith(EventListener.class) ? "in the transaction" : null;
                if (kind == null || method.getRawParameterTypes().size() != 1) {
                    continue;
                }
                JavaClass event = method.getRawParameterTypes().getFirst();
                boolean anyEvent = event.getName().equals(Object.class.getName());
                if (!anyEvent
                        && (!event.getPackageName().startsWith("dev.aegis.")
                                || module(event).equals(module(type)))) {
                    continue; // Spring's own events, or the module's own
                }
                out.put(type.getName() + "." + method.getName() + "(" + event.getSimpleName() + ")", kind);
            }
        }
        return out;
    }

    /** dev.aegis.finding.x.Y → finding. */
    static String module(JavaClass type) {
        String rest = type.getPackageName().substring("dev.aegis.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
