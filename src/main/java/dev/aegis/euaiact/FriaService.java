package dev.aegis.euaiact;

import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fundamental rights impact assessments (Art. 27) of deployers: numbered versions with the content of Art.
 * 27(1)(a)–(f) and the system's risks they rest on, approved by someone other than their author, and the
 * notification of the market surveillance authority (Art. 27(3)). Whether one is due comes from the system's latest
 * classification.
 */
@Service
@Transactional
public class FriaService {

    static final int TEXT_MAX = 8000;

    private final Frias frias;
    private final ClassificationRecords classifications;
    private final AiSystemService systems;
    private final RiskService risks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FriaService(
            Frias frias,
            ClassificationRecords classifications,
            AiSystemService systems,
            RiskService risks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.frias = frias;
        this.classifications = classifications;
        this.systems = systems;
        this.risks = risks;
        this.events = events;
        this.clock = clock;
    }

    /** Art. 27(1)(a)–(f), and the ids of the system's risks the assessment rests on. */
    public record Content(
            String processes,
            String periodAndFrequency,
            String personsAffected,
            String risksOfHarm,
            String humanOversight,
            String measures,
            List<Long> riskIds) {}

    /** A risk of the system, as the assessment links it. */
    public record LinkedRisk(long id, String title) {}

    /**
     * Whether an assessment is due (from the latest classification), the duty's status in words, the versions (newest
     * first) and the system's risks to link.
     */
    public record Standing(boolean due, String status, List<Fria> versions, List<LinkedRisk> systemRisks) {
        public Optional<Fria> latest() {
            return versions.stream().findFirst();
        }
    }

    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public Standing standing(long systemId) {
        systems.get(systemId);
        boolean due = classifications
                .findFirstBySystemIdOrderByNumberDesc(systemId)
                .map(ClassificationRecord::isFriaDue)
                .orElse(false);
        List<Fria> versions = frias.findBySystemIdOrderByNumberDesc(systemId);
        Optional<Fria> approved = versions.stream()
                .filter(f -> f.getStatus() == Fria.Status.APPROVED)
                .findFirst();
        String status;
        if (approved.isPresent()) {
            Fria a = approved.get();
            status = "Version " + a.getNumber() + " approved by " + a.getApprovedBy() + " on "
                    + Dates.minute(a.getApprovedAt()) + "; "
                    + (a.getAuthorityNotifiedOn() == null
                            ? "the market surveillance authority is not notified yet (Art. 27(3))"
                            : a.getAuthority() + " notified on " + Dates.day(a.getAuthorityNotifiedOn()))
                    + (versions.getFirst().getStatus() == Fria.Status.DRAFT
                            ? "; version " + versions.getFirst().getNumber() + " in draft"
                            : "");
        } else if (!versions.isEmpty()) {
            status = "Version " + versions.getFirst().getNumber() + " in draft, not approved yet";
        } else {
            status = due ? "Due before first use, not started" : "Not required by the classification";
        }
        return new Standing(due, status, versions, systemRisks(systemId));
    }

    /** One version of an assessment, by its id. */
    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public Fria get(long id) {
        return frias.findById(id).orElseThrow(() -> new NotFoundException("No fundamental rights assessment " + id));
    }

    private List<LinkedRisk> systemRisks(long systemId) {
        return risks
                .search(new RiskService.Filter(null, null, null, null, null, null, systemId), PageRequest.of(0, 200))
                .stream()
                .map((Risk r) -> new LinkedRisk(r.getId(), r.getTitle()))
                .toList();
    }

    /** Starts the next version (empty, or from the latest one's content when {@code content} is null). */
    @PreAuthorize(IncidentService.WRITERS)
    public Fria draft(long systemId, Content content) {
        systems.get(systemId);
        Optional<Fria> latest = frias.findFirstBySystemIdOrderByNumberDesc(systemId);
        if (latest.isPresent() && latest.get().getStatus() == Fria.Status.DRAFT) {
            throw new DomainRuleException("Version " + latest.get().getNumber()
                    + " is still a draft: change it rather than starting another.");
        }
        Content c = content != null
                ? content
                : latest.map(f -> new Content(
                                f.getProcesses(),
                                f.getPeriodAndFrequency(),
                                f.getPersonsAffected(),
                                f.getRisksOfHarm(),
                                f.getHumanOversight(),
                                f.getMeasures(),
                                f.getRiskIds()))
                        .orElseThrow(() -> new DomainRuleException("processes", "Write the assessment."));
        Fria f = new Fria(systemId, latest.map(Fria::getNumber).orElse(0) + 1, Actors.current(), clock.instant());
        apply(f, c);
        f = frias.saveAndFlush(f);
        publish(f, "EU_AI_ACT_FRIA_DRAFTED", Map.of());
        return f;
    }

    @PreAuthorize(IncidentService.WRITERS)
    public Fria change(long id, long expectedVersion, Content content) {
        Fria f = current(id, expectedVersion);
        apply(f, content);
        f = frias.saveAndFlush(f);
        publish(f, "EU_AI_ACT_FRIA_CHANGED", Map.of());
        return f;
    }

    @PreAuthorize(IncidentService.WRITERS)
    public Fria approve(long id, long expectedVersion) {
        Fria f = current(id, expectedVersion);
        f.approve(Actors.current(), clock.instant());
        f = frias.saveAndFlush(f);
        publish(f, "EU_AI_ACT_FRIA_APPROVED", Map.of());
        return f;
    }

    /** The deployer notified the market surveillance authority of the results (Art. 27(3)). */
    @PreAuthorize(IncidentService.WRITERS)
    public Fria notified(long id, long expectedVersion, String authority, LocalDate on) {
        Fria f = current(id, expectedVersion);
        if (authority == null || authority.isBlank()) {
            throw new DomainRuleException("authority", "Name the market surveillance authority notified.");
        }
        if (authority.strip().length() > 300) {
            throw new DomainRuleException("authority", "At most 300 characters fit here.");
        }
        if (on == null) {
            throw new DomainRuleException("notifiedOn", "Give the day the authority was notified.");
        }
        if (on.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new DomainRuleException("notifiedOn", "The notification cannot lie in the future.");
        }
        f.notified(authority.strip(), on);
        f = frias.saveAndFlush(f);
        publish(f, "EU_AI_ACT_FRIA_NOTIFIED", Map.of("authority", authority.strip(), "on", on));
        return f;
    }

    private void apply(Fria f, Content c) {
        if (c == null) {
            throw new DomainRuleException("processes", "Write the assessment.");
        }
        List<Long> known =
                systemRisks(f.getSystemId()).stream().map(LinkedRisk::id).toList();
        List<Long> linked = c.riskIds() == null ? List.of() : c.riskIds();
        for (Long id : linked) {
            if (!known.contains(id)) {
                throw new DomainRuleException("riskIds", "Risk " + id + " is not a risk of this AI system.");
            }
        }
        f.write(
                text(
                        "processes",
                        c.processes(),
                        "Describe the deployer's processes the system is used in (Art. 27(1)(a))."),
                text(
                        "periodAndFrequency",
                        c.periodAndFrequency(),
                        "Say for how long and how often it is used (Art. 27(1)(b))."),
                text(
                        "personsAffected",
                        c.personsAffected(),
                        "Name the categories of people and groups affected (Art. 27(1)(c))."),
                text("risksOfHarm", c.risksOfHarm(), "Describe the specific risks of harm to them (Art. 27(1)(d))."),
                text("humanOversight", c.humanOversight(), "Describe the human oversight measures (Art. 27(1)(e))."),
                text(
                        "measures",
                        c.measures(),
                        "Say what is done when the risks materialise, with the complaint mechanisms (Art. 27(1)(f))."),
                linked);
    }

    private Fria current(long id, long expectedVersion) {
        Fria f = frias.findById(id).orElseThrow(() -> new NotFoundException("No fundamental rights assessment " + id));
        if (f.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(
                    "Version " + f.getNumber() + " of the assessment was changed by someone else meanwhile (now at "
                            + f.getVersion() + ", you read " + expectedVersion + "). Reload it and try again.",
                    null);
        }
        return f;
    }

    private void publish(Fria f, String action, Map<String, Object> more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", "Fundamental rights impact assessment, version " + f.getNumber());
        d.put("version", f.getNumber());
        d.putAll(more);
        events.publishEvent(new EuAiActEvents.FriaRecorded(f.getSystemId(), action, d));
    }

    private static String text(String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            throw new DomainRuleException(field, missing);
        }
        String v = value.strip();
        if (v.length() > TEXT_MAX) {
            throw new DomainRuleException(
                    field, "At most %,d characters fit here. You entered %,d.".formatted(TEXT_MAX, v.length()));
        }
        return v;
    }
}
