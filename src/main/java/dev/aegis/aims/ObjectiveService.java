package dev.aegis.aims;

import dev.aegis.aims.Indicators.Measurement;
import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AI objectives (ISO/IEC 42001 6.2): each has an owner from the user directory, a measurable indicator and a target,
 * and keeps its indicator's values over time, one a day. Indicators Aegis computes are recorded every day by the system
 * actor ({@link ObjectiveRecorder}) and whenever an officer asks ("Record now"); manual ones are entered by hand.
 *
 * <p>Permissions, one per action: governance officers and administrators set objectives, retire them and record values
 * ({@link #WRITE}, {@link #RECORD}); auditors read and export ({@link #READ}, {@link #EXPORT}); the system actor records
 * with {@link #SYSTEM_RECORD}.
 */
@Service
@Transactional
public class ObjectiveService {

    /** The system actor's permission to record the computed indicators (the daily record). */
    public static final String SYSTEM_RECORD = "SYSTEM:aims.record-indicators";

    static final String READ = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('"
            + AimsDocumentService.SYSTEM_READ + "') or hasAuthority('" + SYSTEM_RECORD + "')";
    static final String WRITE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String RECORD = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('" + SYSTEM_RECORD + "')";
    static final String EXPORT = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";

    private final Objectives objectives;
    private final IndicatorValues values;
    private final Indicators indicators;
    private final UserDirectory people;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ObjectiveService(
            Objectives objectives,
            IndicatorValues values,
            Indicators indicators,
            UserDirectory people,
            Clock clock,
            ApplicationEventPublisher events) {
        this.objectives = objectives;
        this.values = values;
        this.indicators = indicators;
        this.people = people;
        this.clock = clock;
        this.events = events;
    }

    /**
     * What an objective says. {@code unit} is "%" for computed indicators whatever is given; {@code direction} null
     * means at least.
     */
    public record Details(
            String title,
            String description,
            String owner,
            Indicator indicator,
            String unit,
            Direction direction,
            Double target,
            LocalDate dueOn) {}

    /** One value of an indicator. */
    public record Value(
            long id, LocalDate measuredOn, double value, boolean computed, String basis, String recordedBy) {}

    /** An objective as people read it, with its newest value and whether that meets the target. */
    public record ObjectiveView(
            long id,
            String reference,
            String title,
            String description,
            String owner,
            String ownerName,
            Indicator indicator,
            String unit,
            Direction direction,
            double target,
            LocalDate dueOn,
            boolean inForce,
            LocalDate retiredOn,
            String retiredWhy,
            Value latest,
            long version,
            String standing) {

        /** "≥ 90 %" */
        public String targetText() {
            return direction.sign() + " " + figure(target, unit);
        }

        public boolean onTarget() {
            return latest != null && direction.meets(latest.value(), target);
        }
    }

    /** "On target", "Below target", "Above target" or "No value yet". */
    static String standing(Direction direction, double target, Value latest) {
        if (latest == null) {
            return "No value yet";
        }
        if (direction.meets(latest.value(), target)) {
            return "On target";
        }
        return direction == Direction.AT_LEAST ? "Below target" : "Above target";
    }

    /** A value with its unit: "87.5 %", "3 trainings". */
    public static String figure(double value, String unit) {
        String n = Indicators.percent(value);
        return unit == null || unit.isBlank() ? n : "%".equals(unit) ? n + " %" : n + " " + unit;
    }

    // --- reading

    /** Every objective, in force first, by reference. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ObjectiveView> list() {
        List<Objective> all = objectives.findAllByOrderByReference();
        Map<Long, IndicatorValue> newest = new java.util.HashMap<>();
        values.findByObjectiveIdInOrderByMeasuredOn(
                        all.stream().map(Objective::getId).toList())
                .forEach(v -> newest.put(v.getObjectiveId(), v));
        return all.stream()
                .map(o -> view(o, newest.get(o.getId())))
                .sorted(java.util.Comparator.comparing((ObjectiveView v) -> !v.inForce()))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public ObjectiveView get(long id) {
        Objective o = objective(id);
        List<IndicatorValue> history = values.findByObjectiveIdOrderByMeasuredOn(id);
        return view(o, history.isEmpty() ? null : history.getLast());
    }

    /** The indicator's values, oldest first. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Value> history(long id) {
        objective(id);
        return values.findByObjectiveIdOrderByMeasuredOn(id).stream()
                .map(ObjectiveService::value)
                .toList();
    }

    /** The people who may own an objective, from the user directory. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Person> people() {
        return people.people();
    }

    /** Whether the signed-in person may set objectives and record values (for the screens; the service checks). */
    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    /** How someone who recorded a value is shown: the directory's label; the system actor as the daily record. */
    public String name(String username) {
        if (username == null) {
            return "";
        }
        if (Actors.SYSTEM.equals(username)) {
            return "Aegis (daily record)";
        }
        return people.find(username).map(Person::label).orElse(username);
    }

    // --- writing

    @PreAuthorize(WRITE)
    public ObjectiveView set(Details details) {
        Objective o = new Objective(nextReference(), Actors.current(), now());
        apply(o, details, null);
        return view(objectives.saveAndFlush(o), null);
    }

    @PreAuthorize(WRITE)
    public ObjectiveView change(long id, long expectedVersion, Details details) {
        Objective o = current(id, expectedVersion);
        Indicator before = o.getIndicator();
        apply(o, details, o.getOwner());
        if (before != o.getIndicator()
                && !values.findByObjectiveIdOrderByMeasuredOn(id).isEmpty()) {
            throw new DomainRuleException(
                    "indicator",
                    o.getReference() + " already has values of \"" + before.label() + "\"; retire it and set a new "
                            + "objective to measure something else, so its history stays true.");
        }
        objectives.saveAndFlush(o);
        return get(id);
    }

    @PreAuthorize(WRITE)
    public ObjectiveView retire(long id, long expectedVersion, String reason) {
        Objective o = current(id, expectedVersion);
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleException("reason", "Say why the objective is retired (achieved, replaced, dropped).");
        }
        if (reason.strip().length() > 500) {
            throw new DomainRuleException("reason", "Keep the reason to 500 characters.");
        }
        o.retire(Actors.current(), now(), reason.strip());
        objectives.saveAndFlush(o);
        return get(id);
    }

    /**
     * Records the objective's computed indicator as it stands now (today's value, replacing one recorded earlier
     * today). Refused for a manual indicator.
     */
    @PreAuthorize(RECORD)
    public Value recordNow(long id) {
        Objective o = objective(id);
        o.requireInForce("measured");
        if (!o.getIndicator().isComputed()) {
            throw new DomainRuleException(
                    "value", o.getReference() + " is measured by hand: enter the value and the day it was measured.");
        }
        Measurement m = indicators.measure(o.getIndicator(), today());
        return value(store(o, today(), m.value(), true, m.basis()));
    }

    /**
     * Records every computed indicator of the objectives in force (the daily record, or "Record now" for all).
     *
     * @return how many values were recorded
     */
    @PreAuthorize(RECORD)
    public int recordAllNow() {
        LocalDate today = today();
        Map<Indicator, Measurement> measured = new java.util.EnumMap<>(Indicator.class);
        int n = 0;
        for (Objective o : objectives.findAllByOrderByReference()) {
            if (o.getRetiredAt() != null || !o.getIndicator().isComputed()) {
                continue;
            }
            Measurement m = measured.computeIfAbsent(o.getIndicator(), i -> indicators.measure(i, today));
            store(o, today, m.value(), true, m.basis());
            n++;
        }
        return n;
    }

    /** Enters a manual indicator's value measured on a day (today when null), replacing that day's value. */
    @PreAuthorize(WRITE)
    public Value recordByHand(long id, LocalDate measuredOn, Double value, String note) {
        Objective o = objective(id);
        o.requireInForce("measured");
        if (o.getIndicator().isComputed()) {
            throw new DomainRuleException(
                    "value",
                    o.getReference() + " is computed by Aegis ("
                            + o.getIndicator().label() + "): record it now " + "instead of entering a value.");
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new DomainRuleException("value", "Enter the value measured.");
        }
        LocalDate day = measuredOn == null ? today() : measuredOn;
        if (day.isAfter(today())) {
            throw new DomainRuleException("measuredOn", "A value cannot be measured in the future.");
        }
        String basis = note == null || note.isBlank() ? null : note.strip();
        if (basis != null && basis.length() > 500) {
            throw new DomainRuleException("note", "Keep the note to 500 characters.");
        }
        return value(store(o, day, value, false, basis));
    }

    // --- export

    /** The objectives with their newest value, as CSV or XLSX. */
    @PreAuthorize(EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "Objective",
                        "Owner",
                        "Indicator",
                        "Target",
                        "Due",
                        "Latest value",
                        "Measured on",
                        "Standing",
                        "In force",
                        "Retired because"))) {
            for (ObjectiveView o : list()) {
                w.row(Arrays.asList(
                        o.reference(),
                        o.title(),
                        o.ownerName(),
                        o.indicator().label(),
                        o.targetText(),
                        o.dueOn(),
                        o.latest() == null ? null : figure(o.latest().value(), o.unit()),
                        o.latest() == null ? null : o.latest().measuredOn(),
                        o.standing(),
                        o.inForce() ? "yes" : "no",
                        o.retiredWhy()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("objectives", format.name()));
    }

    // --- internals

    private IndicatorValue store(Objective o, LocalDate day, double value, boolean computed, String basis) {
        IndicatorValue v = values.findByObjectiveIdAndMeasuredOn(o.getId(), day)
                .orElseGet(() -> new IndicatorValue(o.getId(), day));
        v.record(value, computed, basis, Actors.current(), now());
        return values.saveAndFlush(v);
    }

    private void apply(Objective o, Details in, String ownerBefore) {
        if (in == null) {
            throw new DomainRuleException("title", "Describe the objective.");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            throw new DomainRuleException("title", "Say what the objective is, e.g. \"Treat every high AI risk\".");
        }
        if (title.length() > 200) {
            throw new DomainRuleException("title", "Keep the objective's title to 200 characters.");
        }
        String description = in.description() == null || in.description().isBlank()
                ? null
                : in.description().strip();
        if (description != null && description.length() > 4000) {
            throw new DomainRuleException("description", "Keep the description to 4,000 characters.");
        }
        if (in.owner() == null || in.owner().isBlank()) {
            throw new DomainRuleException("owner", "Choose who owns the objective.");
        }
        String owner = people.requireKnown("owner", "owner", in.owner(), ownerBefore);
        if (in.indicator() == null) {
            throw new DomainRuleException("indicator", "Choose how the objective is measured.");
        }
        String unit;
        if (in.indicator().isComputed()) {
            unit = "%";
        } else {
            unit = in.unit() == null ? "" : in.unit().strip();
            if (unit.isEmpty()) {
                throw new DomainRuleException("unit", "Say in what the value is counted, e.g. \"%\" or \"days\".");
            }
            if (unit.length() > 40) {
                throw new DomainRuleException("unit", "Keep the unit to 40 characters.");
            }
        }
        if (in.target() == null || in.target().isNaN() || in.target().isInfinite()) {
            throw new DomainRuleException("target", "Give the target the indicator should reach.");
        }
        if ("%".equals(unit) && (in.target() < 0 || in.target() > 100)) {
            throw new DomainRuleException("target", "A target in percent lies between 0 and 100.");
        }
        Direction direction = in.direction() == null ? Direction.AT_LEAST : in.direction();
        o.describe(title, description, owner, in.indicator(), unit, direction, in.target(), in.dueOn());
    }

    private Objective current(long id, long expectedVersion) {
        Objective o = objective(id);
        if (o.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This objective", o.getVersion(), expectedVersion);
        }
        return o;
    }

    private Objective objective(long id) {
        return objectives.findById(id).orElseThrow(() -> new NotFoundException("No objective " + id));
    }

    private String nextReference() {
        return AimsRecords.next("OBJ", objectives.references());
    }

    private ObjectiveView view(Objective o, IndicatorValue latest) {
        return new ObjectiveView(
                o.getId(),
                o.getReference(),
                o.getTitle(),
                o.getDescription(),
                o.getOwner(),
                people.find(o.getOwner()).map(Person::label).orElse(o.getOwner()),
                o.getIndicator(),
                o.getUnit(),
                o.getDirection(),
                o.getTarget(),
                o.getDueOn(),
                o.getRetiredAt() == null,
                o.getRetiredAt() == null ? null : LocalDate.ofInstant(o.getRetiredAt(), ZoneOffset.UTC),
                o.getRetiredWhy(),
                latest == null ? null : value(latest),
                o.getVersion(),
                standing(o.getDirection(), o.getTarget(), latest == null ? null : value(latest)));
    }

    private static Value value(IndicatorValue v) {
        return new Value(v.getId(), v.getMeasuredOn(), v.getValue(), v.isComputed(), v.getBasis(), v.getRecordedBy());
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
