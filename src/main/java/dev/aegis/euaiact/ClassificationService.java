package dev.aegis.euaiact;

import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Classifier.Outcome;
import dev.aegis.euaiact.Duties.Duty;
import dev.aegis.euaiact.EuAiActEvents.SystemClassified;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.ScopeService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The EU AI Act classification of AI systems: governance officers and administrators answer the questionnaire (or
 * override its outcome with a recorded reason); every answer set is kept as a new numbered record, and its outcome
 * sets the system's tier, role and duties in the inventory. Auditors read every system's classification, a system
 * owner their own systems'.
 */
@Service
@Transactional
public class ClassificationService {

    static final String DECIDERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','SYSTEM_OWNER')";
    static final String READERS_ALL = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    static final int REASON_LIMIT = 4000;

    private final ClassificationRecords records;
    private final AiSystemService systems;
    private final ScopeService scope;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duties duties = Duties.bundled();

    ClassificationService(
            ClassificationRecords records,
            AiSystemService systems,
            ScopeService scope,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.records = records;
        this.systems = systems;
        this.scope = scope;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A duty with where it stands in the system's scope. */
    public record DutyStatus(
            String article, String title, String why, LocalDate appliesFrom, boolean inForce, String scopeState) {}

    /**
     * What the register knows about a system under the Act: its classifications (newest first), whether it must be
     * classified again (its purpose, model type or deployment changed since) and its duties with their status.
     */
    public record Standing(
            long systemId,
            String systemName,
            List<ClassificationRecord> history,
            Optional<String> reclassifyBecause,
            List<DutyStatus> duties) {
        public Optional<ClassificationRecord> current() {
            return history.stream().findFirst();
        }
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Standing standing(long systemId) {
        AiSystem system = readable(systemId);
        List<ClassificationRecord> history = records.findBySystemIdOrderByNumberDesc(systemId);
        Optional<String> reclassify = history.stream().findFirst().flatMap(c -> changedSince(c, system.details()));
        return new Standing(systemId, system.getName(), history, reclassify, dutyStatus(systemId, history));
    }

    /** The answers of one classification, as given. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<Answers> answers(long systemId, int number) {
        readable(systemId);
        return records.findBySystemIdOrderByNumberDesc(systemId).stream()
                .filter(c -> c.getNumber() == number && c.getAnswers() != null)
                .findFirst()
                .map(c -> json.readValue(c.getAnswers(), Answers.class));
    }

    /** What these answers would decide, without keeping anything (the questionnaire's summary step). */
    @PreAuthorize(DECIDERS)
    @Transactional(readOnly = true)
    public Outcome preview(Answers answers) {
        return Classifier.classify(answers);
    }

    public List<Duty> duties(Outcome outcome) {
        return duties.of(outcome);
    }

    /** Keeps the answers as the system's next classification and applies its outcome to the register. */
    @PreAuthorize(DECIDERS)
    public ClassificationRecord submit(long systemId, Answers answers) {
        Outcome outcome = Classifier.classify(answers);
        return keep(
                systemId, ClassificationRecord.Source.QUESTIONNAIRE, json.writeValueAsString(answers), outcome, null);
    }

    /**
     * An officer's decision on tier and role against or without the questionnaire, with the reason, kept like a
     * classification. The duties follow the tier and role (the answers of the latest questionnaire, if any, still say
     * which transparency cases and general-purpose model duties apply).
     */
    @PreAuthorize(DECIDERS)
    public ClassificationRecord override(long systemId, EuAiActTier tier, EuAiActRole role, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleException("reason", "Say why the tier and role differ from the questionnaire.");
        }
        if (reason.length() > REASON_LIMIT) {
            throw new DomainRuleException(
                    "reason",
                    "The reason can be at most 4,000 characters. You entered %,d.".formatted(reason.length()));
        }
        if (tier == null || role == null) {
            throw new DomainRuleException(tier == null ? "tier" : "role", "Choose the tier and the role.");
        }
        Answers last = records.findFirstBySystemIdOrderByNumberDesc(systemId)
                .filter(c -> c.getAnswers() != null)
                .map(c -> json.readValue(c.getAnswers(), Answers.class))
                .orElse(null);
        Set<ActRole> roles = switch (role) {
            case PROVIDER -> Set.of(ActRole.PROVIDER);
            case DEPLOYER -> Set.of(ActRole.DEPLOYER);
            case PROVIDER_AND_DEPLOYER -> Set.of(ActRole.PROVIDER, ActRole.DEPLOYER);
            case IMPORTER -> Set.of(ActRole.IMPORTER);
            case DISTRIBUTOR -> Set.of(ActRole.DISTRIBUTOR);
            case AUTHORISED_REPRESENTATIVE -> Set.of(ActRole.AUTHORISED_REPRESENTATIVE);
            case NONE -> Set.of();
        };
        Outcome outcome = new Outcome(
                tier != EuAiActTier.UNASSESSED,
                tier,
                role,
                "Officer's decision",
                List.of("Set by " + Actors.current() + " against the questionnaire: " + reason.strip()),
                false,
                last == null || tier != EuAiActTier.HIGH
                        ? List.of()
                        : Classifier.classify(last).annexIII(),
                false,
                last != null
                        && tier == EuAiActTier.HIGH
                        && Classifier.classify(last).friaDue(),
                last == null ? Set.of() : last.transparencyCases(),
                last == null ? Answers.Gpai.NONE : last.gpai(),
                roles);
        return keep(systemId, ClassificationRecord.Source.OVERRIDE, null, outcome, reason.strip());
    }

    private ClassificationRecord keep(
            long systemId, ClassificationRecord.Source source, String answers, Outcome outcome, String reason) {
        AiSystem system = systems.get(systemId);
        int number = records.findFirstBySystemIdOrderByNumberDesc(systemId)
                        .map(ClassificationRecord::getNumber)
                        .orElse(0)
                + 1;
        List<Duty> owed = duties.of(outcome);
        AiSystemDetails d = system.details();
        ClassificationRecord record = records.save(new ClassificationRecord(
                systemId,
                number,
                source,
                answers,
                outcome,
                owed.stream()
                        .map(x -> x.article() + "|" + x.why() + "|" + x.appliesFrom())
                        .toList(),
                reason,
                Actors.current(),
                clock.instant(),
                d.purpose(),
                d.modelType().name(),
                d.deployment().name()));
        systems.classify(
                systemId,
                outcome.tier(),
                outcome.role(),
                owed.stream().map(x -> x.article() + "|" + x.why()).toList());
        events.publishEvent(new SystemClassified(
                systemId,
                number,
                source.name(),
                outcome.tier().name(),
                outcome.role().name(),
                outcome.basis(),
                reason));
        return record;
    }

    /** Why the system must be classified again, if its purpose, model type or deployment changed since. */
    static Optional<String> changedSince(ClassificationRecord c, AiSystemDetails now) {
        List<String> changed = new ArrayList<>();
        if (!c.getPurpose().equals(now.purpose().strip())) {
            changed.add("purpose");
        }
        if (!c.getModelType().equals(now.modelType().name())) {
            changed.add("model type");
        }
        if (!c.getDeployment().equals(now.deployment().name())) {
            changed.add("deployment");
        }
        return changed.isEmpty()
                ? Optional.empty()
                : Optional.of("Its " + String.join(" and ", changed) + " changed since classification " + c.getNumber()
                        + ": answer the questionnaire again.");
    }

    private List<DutyStatus> dutyStatus(long systemId, List<ClassificationRecord> history) {
        if (history.isEmpty()) {
            return List.of();
        }
        Map<String, ScopeService.Item> inScope = scope.scope(systemId).stream()
                .filter(i -> i.frameworkCode().equals("EU-AI-ACT-2024-1689"))
                .collect(Collectors.toMap(ScopeService.Item::refId, Function.identity(), (a, b) -> a));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<DutyStatus> out = new ArrayList<>();
        for (String line : history.getFirst().dutyLines()) {
            String[] parts = line.split("\\|", 3);
            LocalDate from = LocalDate.parse(parts[2]);
            ScopeService.Item item = inScope.get(parts[0]);
            out.add(new DutyStatus(
                    parts[0],
                    item == null ? "" : item.title(),
                    parts[1],
                    from,
                    !today.isBefore(from),
                    item == null ? "Not in scope yet" : scopeState(item)));
        }
        return out;
    }

    private static String scopeState(ScopeService.Item item) {
        return switch (item.state()) {
            case PROPOSED -> "Proposed: an officer confirms it in the system's scope";
            case CONFIRMED -> "Confirmed in scope by " + item.decidedBy();
            case EXCLUDED -> "Excluded: " + item.exclusionJustification();
        };
    }

    /** A system to classify again, and why. */
    public record Reclassify(long systemId, String systemName, String because) {}

    /**
     * The officers' view of the register under the Act: systems (not retired) per tier, per role of their latest
     * classification, how many were never classified, and those to classify again.
     */
    public record Overview(
            Map<EuAiActTier, Long> byTier,
            Map<EuAiActRole, Long> byRole,
            long unclassified,
            List<Reclassify> reclassify) {}

    @PreAuthorize(READERS_ALL)
    @Transactional(readOnly = true)
    public Overview overview() {
        Map<EuAiActTier, Long> byTier = new java.util.EnumMap<>(EuAiActTier.class);
        byTier.putAll(systems.figures().byTier());
        Map<EuAiActRole, Long> byRole = new java.util.EnumMap<>(EuAiActRole.class);
        List<Reclassify> again = new ArrayList<>();
        long unclassified = 0;
        Map<Long, ClassificationRecord> latest = new java.util.HashMap<>();
        for (ClassificationRecord c : records.findAll()) {
            latest.merge(c.getSystemId(), c, (a, b) -> a.getNumber() >= b.getNumber() ? a : b);
        }
        for (var p : systems.profiles()) {
            AiSystem system = systems.get(p.systemId());
            if (system.getStatus() == dev.aegis.inventory.Classification.Status.RETIRED) {
                continue;
            }
            ClassificationRecord c = latest.get(p.systemId());
            if (c == null) {
                unclassified++;
                continue;
            }
            byRole.merge(c.getRole(), 1L, Long::sum);
            changedSince(c, system.details()).ifPresent(why -> again.add(new Reclassify(p.systemId(), p.name(), why)));
        }
        return new Overview(byTier, byRole, unclassified, again);
    }

    /** Whether the signed-in user classifies (for the screens; the methods check again). */
    public boolean mayClassify() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    private AiSystem readable(long systemId) {
        AiSystem system = systems.get(systemId);
        if (!Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR") && !system.isOwnedBy(Actors.current())) {
            throw new AccessDeniedException("A system owner sees the classification of their own systems only.");
        }
        return system;
    }
}
