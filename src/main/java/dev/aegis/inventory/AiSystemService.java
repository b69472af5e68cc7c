package dev.aegis.inventory;

import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.inventory.InventoryEvents.AiSystemChanged;
import dev.aegis.inventory.InventoryEvents.AiSystemRegistered;
import dev.aegis.inventory.InventoryEvents.AiSystemRemoved;
import dev.aegis.inventory.InventoryEvents.AiSystemRetired;
import dev.aegis.inventory.InventoryEvents.SystemProfile;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.validation.Checked;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AI system inventory. Everyone signed in reads it; governance officers and administrators register, change and
 * remove systems; a system owner changes only the systems they own (as business or technical owner), and not the
 * governance decisions about them: the EU AI Act tier and role, the owners and the status stay with governance officers
 * and administrators. Names are unique regardless of case; owners are active users of the directory.
 */
@Service
@Transactional
public class AiSystemService {

    /** The system actor's permission to read (see {@link dev.aegis.shared.Actors#runAsSystem}). */
    public static final String SYSTEM_READ = "SYSTEM:inventory.read";
    /** The system actor's permission to seed the demo register (AEGIS_DEMO=true), as a demo runner does. */
    public static final String SYSTEM_SEED = "SYSTEM:inventory.seed-demo";

    static final String READERS =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER') or hasAuthority('"
                    + SYSTEM_READ + "')";
    private final AiSystems systems;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserDirectory people;
    private final Validator validator;

    AiSystemService(
            AiSystems systems,
            ApplicationEventPublisher events,
            Clock clock,
            UserDirectory people,
            Validator validator) {
        this.systems = systems;
        this.events = events;
        this.clock = clock;
        this.people = people;
        this.validator = validator;
    }

    /** Filters for the inventory; null or empty means any. */
    public record Filter(String text, LifecycleStage stage, EuAiActTier tier, Status status, String owner) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }

        /** The filters in use, for the audit log ("none" when there are none). */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                parts.add("text=" + text.trim());
            }
            if (stage != null) {
                parts.add("stage=" + stage);
            }
            if (tier != null) {
                parts.add("tier=" + tier);
            }
            if (status != null) {
                parts.add("status=" + status);
            }
            if (owner != null && !owner.isBlank()) {
                parts.add("owner=" + owner.trim());
            }
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<AiSystem> search(Filter filter, Pageable page) {
        return systems.findAll(specification(filter), page);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return systems.count(specification(filter));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public AiSystem get(long id) {
        return systems.findById(id).orElseThrow(() -> new NotFoundException("No AI system " + id));
    }

    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('" + SYSTEM_SEED + "')")
    public AiSystem register(AiSystemDetails details) {
        Checked.valid(validator, details);
        requireUniqueName(null, details.name());
        requireKnownOwners(null, details);
        AiSystem system = new AiSystem(clock.instant());
        system.describe(details, clock.instant());
        system = saveNamed(system);
        events.publishEvent(new AiSystemRegistered(system.getId(), system.getName(), SystemProfile.of(system)));
        return system;
    }

    /**
     * Registers a system a person enters — through the form, the API or an import: it starts unclassified (tier "not
     * classified yet", no operator role), since the EU AI Act classification is the only way to set them. A tier or
     * role given is refused, naming the field, rather than silently dropped.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    public AiSystem registerNew(AiSystemDetails details) {
        unclassifiedAtCreation(details).ifPresent(p -> {
            throw new DomainRuleException(p.field(), p.message());
        });
        return register(details);
    }

    /** Why a new system's details cannot be registered as they are: a tier or role given before classification. */
    public record CreationProblem(String field, String message) {}

    /** The tier or role a new system's details give before any classification, as the problem to show at the field. */
    public static java.util.Optional<CreationProblem> unclassifiedAtCreation(AiSystemDetails details) {
        if (details.euAiActTier() != null && details.euAiActTier() != EuAiActTier.UNASSESSED) {
            return java.util.Optional.of(new CreationProblem(
                    "euAiActTier",
                    "A new AI system starts unclassified: leave the EU AI Act tier as UNASSESSED and classify the "
                            + "system once registered (the questionnaire on its page, or POST /api/v1/systems/{id}/"
                            + "eu-ai-act/classifications)."));
        }
        if (details.euAiActRole() != null && details.euAiActRole() != Classification.EuAiActRole.NONE) {
            return java.util.Optional.of(new CreationProblem(
                    "euAiActRole",
                    "A new AI system starts without an EU AI Act role: leave it as NONE; the classification sets the "
                            + "organisation's role."));
        }
        return java.util.Optional.empty();
    }

    /**
     * Applies new details to the version of the system the caller read. A stale version (someone else saved in
     * between) is refused with an edit conflict, never silently overwritten.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER')")
    public AiSystem update(long id, long expectedVersion, AiSystemDetails details) {
        AiSystem system = get(id);
        requireMayEdit(system);
        if (system.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(AiSystem.class, id);
        }
        if (!mayManage()) {
            requireGovernanceUnchanged(system, details);
        }
        requireClassificationUnchanged(system, details);
        Checked.valid(validator, details);
        requireUniqueName(id, details.name());
        requireKnownOwners(system, details);
        boolean retiring = system.getStatus() != Status.RETIRED && details.status() == Status.RETIRED;
        system.describe(details, clock.instant());
        saveNamed(system);
        events.publishEvent(
                retiring
                        ? new AiSystemRetired(id, system.getName(), SystemProfile.of(system))
                        : new AiSystemChanged(id, system.getName(), SystemProfile.of(system)));
        return system;
    }

    /**
     * Sets the EU AI Act tier and role a classification decided, and the articles that follow ("Article 26|why", one
     * each), which the scope proposal then brings into the system's scope. Called by the classification questionnaire
     * (module euaiact) and by an officer's override with a recorded reason there, never from a system owner's form.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    public AiSystem classify(long id, EuAiActTier tier, Classification.EuAiActRole role, List<String> duties) {
        AiSystem system = get(id);
        system.classify(
                java.util.Objects.requireNonNull(tier),
                java.util.Objects.requireNonNull(role),
                duties,
                clock.instant());
        saveNamed(system);
        events.publishEvent(new AiSystemChanged(id, system.getName(), SystemProfile.of(system)));
        return system;
    }

    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    public void remove(long id, long expectedVersion) {
        AiSystem system = get(id);
        if (system.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(AiSystem.class, id);
        }
        systems.delete(system);
        systems.flush();
        events.publishEvent(new AiSystemRemoved(id, system.getName()));
    }

    /** How many systems (not retired) stand in each EU AI Act tier and each life-cycle stage, for the dashboard. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Figures figures() {
        java.util.Map<EuAiActTier, Long> tiers = new java.util.EnumMap<>(EuAiActTier.class);
        java.util.Map<LifecycleStage, Long> stages = new java.util.EnumMap<>(LifecycleStage.class);
        for (EuAiActTier t : EuAiActTier.values()) {
            tiers.put(t, 0L);
        }
        for (LifecycleStage st : LifecycleStage.values()) {
            stages.put(st, 0L);
        }
        for (Object[] row : systems.countByTier()) {
            tiers.put((EuAiActTier) row[0], (Long) row[1]);
        }
        for (Object[] row : systems.countByStage()) {
            stages.put((LifecycleStage) row[0], (Long) row[1]);
        }
        return new Figures(tiers, stages);
    }

    public record Figures(java.util.Map<EuAiActTier, Long> byTier, java.util.Map<LifecycleStage, Long> byStage) {
        public long total() {
            return byTier.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Every system's name, owners and EU AI Act tier, in id order: for the modules that keep a copy of them (fed by
     * {@link InventoryEvents}) to check it is whole, as the system actor with {@link #SYSTEM_READ}.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<SystemProfile> profiles() {
        return systems.profiles().stream()
                .map(r ->
                        new SystemProfile((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (EuAiActTier) r[4]))
                .toList();
    }

    /** The names of the given systems by id (unknown ids left out): for lists and files that show systems by name. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            systems.namesOf(ids).forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }

    /**
     * The ids of the systems bearing each of these names, compared in lower case (a name no system bears is left out;
     * names are not unique, so a name may give several ids): for imports that name systems.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public java.util.Map<String, List<Long>> idsByName(java.util.Collection<String> names) {
        java.util.Map<String, List<Long>> ids = new java.util.HashMap<>();
        List<String> lower = names.stream()
                .map(n -> n.strip().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
        if (!lower.isEmpty()) {
            systems.named(lower)
                    .forEach(row -> ids.computeIfAbsent((String) row[1], k -> new ArrayList<>())
                            .add((Long) row[0]));
        }
        return ids;
    }

    /** Whether the signed-in user may change this system (for the screens; the service checks again). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayEdit(long id) {
        AiSystem system = get(id);
        return mayManage() || (Actors.hasAnyRole("SYSTEM_OWNER") && system.isOwnedBy(Actors.current()));
    }

    private void requireMayEdit(AiSystem system) {
        if (!mayManage() && !system.isOwnedBy(Actors.current())) {
            throw new AccessDeniedException(
                    "Only the system's owners, governance officers and administrators change it.");
        }
    }

    /**
     * The decisions a system owner sees but does not make about their own system: its EU AI Act tier and role, its
     * owners and its status (retiring included). Refused, naming the field, when the details change any of them.
     */
    private static void requireGovernanceUnchanged(AiSystem system, AiSystemDetails details) {
        AiSystemDetails now = system.details();
        String refused = !java.util.Objects.equals(details.euAiActTier(), now.euAiActTier())
                ? "the EU AI Act risk tier"
                : !java.util.Objects.equals(details.euAiActRole(), now.euAiActRole())
                        ? "the EU AI Act role"
                        : !sameName(details.businessOwner(), now.businessOwner())
                                ? "the business owner"
                                : !sameName(details.technicalOwner(), now.technicalOwner())
                                        ? "the technical owner"
                                        : !java.util.Objects.equals(details.status(), now.status())
                                                ? "the status"
                                                : null;
        if (refused != null) {
            throw new AccessDeniedException("Only governance officers and administrators change " + refused
                    + " of an AI system; ask one of them.");
        }
    }

    /**
     * Tier and role change only through the EU AI Act classification (the questionnaire, or an officer's decision with
     * a recorded reason, both in module euaiact, which call {@link #classify}) — never through the form, the API or an
     * import, not even an officer's. Refused naming the field.
     */
    private static void requireClassificationUnchanged(AiSystem system, AiSystemDetails details) {
        AiSystemDetails now = system.details();
        if (details.euAiActTier() != null && details.euAiActTier() != now.euAiActTier()) {
            throw new DomainRuleException(
                    "euAiActTier",
                    "The EU AI Act tier changes only through the system's classification (questionnaire, or an "
                            + "officer's decision with a reason: POST /api/v1/systems/" + system.getId()
                            + "/eu-ai-act/classifications or /overrides); it stays as classified.");
        }
        if (details.euAiActRole() != null && details.euAiActRole() != now.euAiActRole()) {
            throw new DomainRuleException(
                    "euAiActRole",
                    "The EU AI Act role changes only through the system's classification (questionnaire, or an "
                            + "officer's decision with a reason: POST /api/v1/systems/" + system.getId()
                            + "/eu-ai-act/classifications or /overrides); it stays as classified.");
        }
    }

    /** Refuses a name another system bears (compared without case), naming that system. */
    private void requireUniqueName(Long id, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        systems.findByNameIgnoringCase(name.strip())
                .filter(other -> !other.getId().equals(id))
                .ifPresent(other -> {
                    throw new DomainRuleException(
                            "name",
                            "There is already an AI system named \"" + other.getName() + "\" (system " + other.getId()
                                    + "). Choose another name, or open that system to change it.");
                });
    }

    /** Owners are active users; a name kept as it was (a former user) stays, a new one must be in the directory. */
    private void requireKnownOwners(AiSystem before, AiSystemDetails details) {
        people.requireKnown(
                "businessOwner",
                "business owner",
                details.businessOwner(),
                before == null ? null : before.getBusinessOwner());
        people.requireKnown(
                "technicalOwner",
                "technical owner",
                details.technicalOwner(),
                before == null ? null : before.getTechnicalOwner());
    }

    /** Saves, turning a name taken meanwhile (the unique index, a race with another save) into the same message. */
    private AiSystem saveNamed(AiSystem system) {
        try {
            return systems.saveAndFlush(system);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new DomainRuleException(
                    "name", "There is already an AI system named \"" + system.getName() + "\". Choose another name.");
        }
    }

    private static boolean sameName(String a, String b) {
        String x = trim(a);
        String y = trim(b);
        return x == null ? y == null : x.equalsIgnoreCase(y);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean mayManage() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER") || Actors.holds(SYSTEM_SEED);
    }

    static Specification<AiSystem> specification(Filter f) {
        List<Specification<AiSystem>> parts = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().trim().toLowerCase() + "%";
            parts.add((r, q, cb) -> cb.or(
                    cb.like(cb.lower(r.get("name")), like),
                    cb.like(cb.lower(r.get("purpose")), like),
                    cb.like(cb.lower(r.get("vendorName")), like)));
        }
        if (f.stage() != null) {
            parts.add((r, q, cb) -> cb.equal(r.get("lifecycleStage"), f.stage()));
        }
        if (f.tier() != null) {
            parts.add((r, q, cb) -> cb.equal(r.get("euAiActTier"), f.tier()));
        }
        if (f.status() != null) {
            parts.add((r, q, cb) -> cb.equal(r.get("status"), f.status()));
        }
        if (f.owner() != null && !f.owner().isBlank()) {
            String owner = f.owner().trim().toLowerCase();
            parts.add((r, q, cb) -> cb.or(
                    cb.equal(cb.lower(r.get("businessOwner")), owner),
                    cb.equal(cb.lower(r.get("technicalOwner")), owner)));
        }
        return Specification.allOf(parts);
    }
}
