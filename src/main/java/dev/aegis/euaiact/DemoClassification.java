package dev.aegis.euaiact;

import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.ScopeService;
import dev.aegis.shared.Actors;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the demo officer classifies the clinic's diagnosis assistant under the EU AI Act —
 * medical-device software under Annex I (Regulation (EU) 2017/745, assessed by a notified body), so high-risk through
 * Art. 6(1), used by the clinic as deployer. Runs once, after the AI systems exist; the officer confirms the articles it brings into the system's scope.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoClassification implements ApplicationRunner {

    static final String SYSTEM = "Clinic diagnosis assistant";
    private static final Logger log = LoggerFactory.getLogger(DemoClassification.class);
    private final ClassificationService classifications;
    private final AiSystemService systems;
    private final ScopeService scope;
    private final IncidentService incidents;
    private final java.time.Clock clock;

    DemoClassification(
            ClassificationService classifications,
            AiSystemService systems,
            ScopeService scope,
            IncidentService incidents,
            java.time.Clock clock) {
        this.classifications = classifications;
        this.systems = systems;
        this.scope = scope;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            List<Long> ids = systems.idsByName(List.of(SYSTEM))
                    .getOrDefault(SYSTEM.toLowerCase(java.util.Locale.ROOT), List.of()); // keyed by the lower-case name
            if (ids.size() != 1
                    || classifications.standing(ids.getFirst()).current().isPresent()) {
                return;
            }
            classifications.submit(
                    ids.getFirst(),
                    new Answers(
                            true,
                            Set.of(),
                            true,
                            Set.of(),
                            false,
                            Set.of(),
                            null,
                            Set.of(),
                            Gpai.NONE,
                            Set.of(ActRole.DEPLOYER),
                            true));
            // the demo officer also confirms the articles the classification brought into the system's scope, as
            // the demo's scope is confirmed throughout
            int confirmed = scope.confirmAllProposed(ids.getFirst());
            log.info("Demo: {} classified under the EU AI Act ({} articles confirmed in its scope)", SYSTEM, confirmed);
            seriousIncident(ids.getFirst());
        });
    }

    /**
     * A serious incident in progress: the clinic learnt twelve days ago (Berlin time) that the assistant had sorted an
     * urgent message as routine; the provider was informed the next day (Art. 26(5)); the investigation has begun and
     * the report to the authority is due within three days.
     */
    private void seriousIncident(long systemId) {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        java.time.LocalDateTime aware = java.time.LocalDateTime.now(clock.withZone(berlin))
                .minusDays(12)
                .withHour(9)
                .withMinute(40)
                .withSecond(0)
                .withNano(0);
        Incident i = incidents.raise(
                systemId,
                new IncidentService.Details(
                        "Urgent chest-pain message sorted as routine",
                        "A patient's message describing chest pain was sorted as routine; a nurse saw it 20 hours "
                                + "later. The patient was admitted with a myocardial infarction; treatment was delayed.",
                        IncidentDeadlines.Kind.SERIOUS_HARM_TO_HEALTH,
                        false,
                        aware.toLocalDate().minusDays(1),
                        aware,
                        "Europe/Berlin"));
        i = incidents.providerInformed(
                i.getId(), i.getVersion(), aware.plusDays(1).withHour(11));
        incidents.followUp(
                i.getId(),
                i.getVersion(),
                new IncidentService.FollowUp(
                        "Under way: the message used words the demo model had not seen in training; the window of "
                                + "that day also failed its drift test.",
                        null));
        log.info("Demo: serious incident {} in progress on {}", i.getReference(), SYSTEM);
    }
}
