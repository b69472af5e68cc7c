package dev.aegis.aims;

import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.aims.ChangeService.ChangeView;
import dev.aegis.aims.ChangeService.Details;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the demo officer plans three changes — the diagnosis model's retraining (approved
 * by the demo administrator and done), a new LLM for the chatbot (approved) and a wider use of the sentiment API (still
 * planned). Runs once, after the AI systems exist.
 */
@Component
@Order(68)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoChanges implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChanges.class);
    private final ChangeService changes;
    private final Clock clock;

    DemoChanges(ChangeService changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ChangeView[] raised = new ChangeView[2];
        boolean[] done = {false};
        Actors.runAs(DemoAims.AUTHOR, "GOVERNANCE_OFFICER", () -> {
            if (!changes.list().isEmpty()) {
                done[0] = true;
                return;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            List<SystemRef> systems = changes.systemChoices();
            raised[0] = changes.raise(new Details(
                    "Retrain the diagnosis model on this year's clinical notes",
                    "Drift on the newest patient messages; the model has not seen this year's coding changes.",
                    "The diagnosis assistant's suggestions change: validation on the hold-out set and a two-week "
                            + "shadow run before release; the impact assessment and the model card are updated.",
                    today.minusDays(10),
                    ids(systems, "diagnos")));
            raised[1] = changes.raise(new Details(
                    "Move the customer chatbot to the vendor's newer LLM",
                    "The current model reaches end of support next quarter.",
                    "The chatbot's answers and refusals change; prompt-injection and leakage tests are run again "
                            + "and the vendor assessment covers the new model.",
                    today.plusDays(21),
                    ids(systems, "chatbot")));
            changes.raise(new Details(
                    "Use the sentiment API for complaint triage as well",
                    "Customer service wants complaints routed by urgency.",
                    "A new intended use: the scope, the risk register and the fairness test per customer group are "
                            + "reviewed first.",
                    today.plusMonths(2),
                    ids(systems, "sentiment")));
        });
        if (done[0]) {
            return;
        }
        Actors.runAs(DemoAims.APPROVER, "ADMIN", () -> {
            ChangeView retrain = changes.approve(raised[0].id(), raised[0].version());
            changes.done(
                    retrain.id(),
                    retrain.version(),
                    "Released after the shadow run; accuracy on the hold-out set up from 0.87 to 0.91.");
            changes.approve(raised[1].id(), raised[1].version());
        });
        log.info("Demo mode: planned three changes, two approved and one of them done");
    }

    private static Set<Long> ids(List<SystemRef> systems, String word) {
        return systems.stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(word))
                .map(SystemRef::id)
                .collect(Collectors.toSet());
    }
}
