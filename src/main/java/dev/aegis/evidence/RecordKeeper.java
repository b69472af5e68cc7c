package dev.aegis.evidence;

import dev.aegis.control.ControlService;
import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.evidence.EvidenceEvents.EvidenceRecordExtended;
import dev.aegis.evidence.EvidenceService.Links;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ListenerPause;
import dev.aegis.telemetry.TelemetryEvents.ControlFacts;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.vendor.VendorEvents.AssessmentDecided;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files the records Aegis makes itself as RECORD evidence, once the fact they record has committed:
 * <ul>
 * <li>telemetry test results: one item per telemetry test, one version per day (UTC) of results — the day's version
 * holds every result of that day as JSON (figure, window, reference, bin edges…), so a test run every few minutes
 * makes one version a day instead of hundreds of items. The item is linked to the control, the AI system and the
 * requirements the control is mapped to (links added later when the control gains mappings, never undone);</li>
 * <li>vendor assessment decisions: one item per assessment, linked to the AI systems that depend on the vendor; a
 * later decision on the same assessment is a new version.</li>
 * </ul>
 * Each event reaches it after the announcing transaction commits, in a transaction of its own, as the system actor;
 * it is kept in the event publication registry until filed, so a crash or a failure in between is made good by a
 * later delivery (at start-up or by the resubmission schedule, {@link dev.aegis.shared.EventPublications}). Filing is
 * idempotent: a result already in its day's version, or a decision already filed, is not filed again. Everything
 * about the control and the system comes with the telemetry event, everything about the vendor with the decision;
 * nothing is read back from those modules.
 */
@Component
class RecordKeeper {

    private static final Logger log = LoggerFactory.getLogger(RecordKeeper.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvidenceItems items;
    private final EvidenceVersions versions;
    private final EvidenceService service;
    private final EvidenceLinking linking;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ListenerPause pause;

    RecordKeeper(
            EvidenceItems items,
            EvidenceVersions versions,
            EvidenceService service,
            EvidenceLinking linking,
            ApplicationEventPublisher events,
            Clock clock,
            ListenerPause pause) {
        this.items = items;
        this.versions = versions;
        this.service = service;
        this.linking = linking;
        this.pause = pause;
        this.events = events;
        this.clock = clock;
    }

    /** The evidence register checks that the controls and systems a record links to exist. */
    private static final Set<String> LINK_CHECKS =
            Set.of(ControlService.SYSTEM_READ, AiSystemService.SYSTEM_READ, FrameworkCatalog.SYSTEM_READ);

    static String telemetryKey(long testId) {
        return "telemetry-test:" + testId;
    }

    static String assessmentKey(long assessmentId) {
        return "vendor-assessment:" + assessmentId;
    }

    @ApplicationModuleListener
    void on(ControlTestRecorded result) {
        pause.hold("evidence record of telemetry result " + result.resultId());
        if (result.control() == null || result.system() == null) {
            log.warn("Telemetry result {} names a system or control that was gone; not filed", result.resultId());
            return;
        }
        Actors.runAsSystem(LINK_CHECKS, () -> file(result));
    }

    @ApplicationModuleListener
    void on(AssessmentDecided decision) {
        Actors.runAsSystem(Set.of(AiSystemService.SYSTEM_READ), () -> file(decision));
    }

    // ---- telemetry ---------------------------------------------------------------------------------------------

    private void file(ControlTestRecorded r) {
        LocalDate day = LocalDate.ofInstant(r.recordedAt(), ZoneOffset.UTC);
        ControlFacts control = r.control();
        Links links = new Links(Set.of(r.controlId()), control.requirementIds(), Set.of(r.systemId()));
        Map<String, Object> entry = entry(r);
        Optional<EvidenceItem> existing = items.findByRecordKey(telemetryKey(r.testId()));
        if (existing.isEmpty()) {
            String system = r.system().name();
            String subject = r.subject() == null || r.subject().isBlank() ? "" : " of " + r.subject();
            EvidenceDetails details = new EvidenceDetails(
                    "Telemetry test: " + dev.aegis.shared.MetricVocabulary.metric(r.metric(), null) + subject + " on "
                            + r.deployment() + " (" + system + ")",
                    "Results of the telemetry test " + r.testId() + " of the control \"" + control.title()
                            + "\", filed by Aegis: one version per day, each result with its figure, window, "
                            + "reference and bin edges.",
                    owner(control),
                    day,
                    windowStart(r),
                    windowEnd(r),
                    null,
                    links.controlIds(),
                    links.requirementIds(),
                    links.systemIds());
            service.addRecord(
                    telemetryKey(r.testId()), details, fileName(r.testId(), day), telemetryJson(r, List.of(entry)));
            return;
        }
        EvidenceItem item = existing.get();
        Optional<EvidenceVersion> sameDay = versions.findByItemIdOrderByNumberDesc(item.getId()).stream()
                .filter(v -> day.equals(v.getCollectedOn()))
                .findFirst();
        if (sameDay.isPresent()) {
            extend(item, sameDay.get(), r, entry);
        } else {
            service.addRecordVersion(
                    item,
                    new Dates(day, windowStart(r), windowEnd(r), null),
                    fileName(r.testId(), day),
                    telemetryJson(r, List.of(entry)));
        }
        linking.addLinks(item.getId(), links);
    }

    /** Adds a result to its day's version, unless that result is in it already (the event may come twice). */
    @SuppressWarnings("unchecked")
    private void extend(EvidenceItem item, EvidenceVersion version, ControlTestRecorded r, Map<String, Object> entry) {
        Map<String, Object> doc = JSON.readValue(version.getRecord(), LinkedHashMap.class);
        List<Map<String, Object>> results = new ArrayList<>((List<Map<String, Object>>) doc.get("results"));
        boolean known =
                results.stream().anyMatch(m -> m.get("resultId") instanceof Number n && n.longValue() == r.resultId());
        if (known) {
            return;
        }
        results.add(entry);
        version.rewrite(telemetryJson(r, results));
        LocalDate from = min(version.getEffectiveFrom(), windowStart(r));
        LocalDate to = max(version.getEffectiveTo(), windowEnd(r));
        Dates dates = new Dates(version.getCollectedOn(), from, to, version.getExpiresOn());
        version.date(dates);
        versions.save(version);
        if (version.getNumber() == item.getCurrentVersion()) {
            item.showDates(dates, clock.instant());
            items.save(item);
        }
        events.publishEvent(
                new EvidenceRecordExtended(item.getId(), version.getNumber(), version.getSha256(), results.size()));
    }

    private static Map<String, Object> entry(ControlTestRecorded r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resultId", r.resultId());
        m.put("recordedAt", r.recordedAt().toString());
        m.put("outcome", r.outcome().name());
        m.put("metric", r.metric());
        m.put("subject", r.subject());
        m.put("comparison", r.comparison());
        m.put("threshold", r.threshold());
        m.put("figure", r.figure());
        m.put("sampleSize", r.sampleSize());
        m.put("windowStart", r.windowStart() == null ? null : r.windowStart().toString());
        m.put("windowEnd", r.windowEnd() == null ? null : r.windowEnd().toString());
        m.put("reference", r.reference());
        m.put("binEdges", r.binEdges());
        return m;
    }

    private static String telemetryJson(ControlTestRecorded r, List<Map<String, Object>> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "aegis-telemetry-record/1");
        doc.put("testId", r.testId());
        doc.put("controlId", r.controlId());
        doc.put("systemId", r.systemId());
        doc.put("source", r.source());
        doc.put("deployment", r.deployment());
        doc.put("results", results);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static String fileName(long testId, LocalDate day) {
        return "telemetry-test-" + testId + "-" + day + ".json";
    }

    private static LocalDate windowStart(ControlTestRecorded r) {
        return LocalDate.ofInstant(r.windowStart() == null ? r.recordedAt() : r.windowStart(), ZoneOffset.UTC);
    }

    private static LocalDate windowEnd(ControlTestRecorded r) {
        return LocalDate.ofInstant(r.windowEnd() == null ? r.recordedAt() : r.windowEnd(), ZoneOffset.UTC);
    }

    private static String owner(ControlFacts control) {
        return control.owner() == null || control.owner().isBlank() ? Actors.SYSTEM : control.owner();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    // ---- vendor assessments ------------------------------------------------------------------------------------

    private void file(AssessmentDecided d) {
        String decidedBy = d.decidedBy();
        String vendor = d.vendor() == null ? "vendor " + d.vendorId() : d.vendor();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "aegis-vendor-assessment-record/1");
        doc.put("assessmentId", d.assessmentId());
        doc.put("vendorId", d.vendorId());
        doc.put("vendor", vendor);
        doc.put("decision", d.approved() ? "APPROVED" : "REJECTED");
        doc.put("score", d.score());
        doc.put("decidedBy", decidedBy);
        doc.put("decidedAt", (d.decidedAt() == null ? clock.instant() : d.decidedAt()).toString());
        doc.put("criticality", d.criticality());
        doc.put("tier", d.tier());
        doc.put("systems", d.systems());
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        String fileName = "vendor-assessment-" + d.assessmentId() + ".json";
        Dates dates = new Dates(today, today, null, null);
        Optional<EvidenceItem> existing = items.findByRecordKey(assessmentKey(d.assessmentId()));
        if (existing.isPresent()) {
            service.addRecordVersion(existing.get(), dates, fileName, json);
            linking.addLinks(existing.get().getId(), new Links(Set.of(), Set.of(), d.systems()));
            return;
        }
        String owner = decidedBy == null || Actors.SYSTEM.equals(decidedBy) ? Actors.SYSTEM : decidedBy;
        EvidenceDetails details = new EvidenceDetails(
                "Vendor assessment of " + vendor + ": " + (d.approved() ? "approved" : "rejected"),
                "The decision on vendor assessment " + d.assessmentId()
                        + (d.score() == null ? "" : ", score " + d.score()) + ", filed by Aegis.",
                owner,
                today,
                today,
                null,
                null,
                Set.of(),
                Set.of(),
                d.systems());
        service.addRecord(assessmentKey(d.assessmentId()), details, fileName, json);
    }
}
