package dev.aegis.finding;

import dev.aegis.finding.Finding.BreachEffect;
import dev.aegis.finding.Finding.Cause;
import dev.aegis.finding.FindingEvents.FindingOccurred;
import dev.aegis.finding.FindingEvents.FindingOpened;
import dev.aegis.finding.FindingEvents.FindingRecovered;
import dev.aegis.finding.FindingEvents.FindingReopened;
import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.notification.Notifications;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.MonitorAlertObserved;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the telemetry loop found, as the system actor holding {@link #SYSTEM_RECORD}: a failed test or an alert
 * seen open opens a finding for its cause or adds to the one there is (reopening a resolved one), a passing result or a
 * cleared alert is recorded as a recovery. Fed by {@link TelemetryListener}; see docs/findings.md.
 */
@Service
@Transactional
public class FindingRecorder {

    /** The system actor's permission to record what the telemetry loop found. */
    public static final String SYSTEM_RECORD = "SYSTEM:finding.record";

    static final String SYSTEM_ONLY = "hasAuthority('" + SYSTEM_RECORD + "')";
    /**
     * What the system actor holds while it records a finding: recording, and telling people of an opened finding (it
     * flags the risks with a permission of its own).
     */
    static final Set<String> RECORDING = Set.of(SYSTEM_RECORD, Notifications.SYSTEM_SEND);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FindingRecorder.class);
    private final Findings findings;
    private final Occurrences occurrences;
    private final ControlTestStatuses testStatuses;
    private final FindingNotices notices;
    private final EntityManager em;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingRecorder(
            Findings findings,
            Occurrences occurrences,
            ControlTestStatuses testStatuses,
            FindingNotices notices,
            EntityManager em,
            ApplicationEventPublisher events,
            Clock clock) {
        this.findings = findings;
        this.occurrences = occurrences;
        this.testStatuses = testStatuses;
        this.notices = notices;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A telemetry test result: kept as the test's latest outcome; a failure opens or adds to the finding of the test
     * (reopening a resolved one), a pass is recorded as a recovery on the open finding. The same result twice counts
     * once (its delivery key is unique), so a redelivered event changes nothing. Everything it needs about the system,
     * the control and the risks comes with the event: nothing is read back from those modules.
     */
    @PreAuthorize(SYSTEM_ONLY)
    public void record(ControlTestRecorded r) {
        if (r.system() == null || r.control() == null || !known(r.systemId())) {
            log.warn("Telemetry result {} names an AI system or control that is gone; nothing recorded", r.resultId());
            return;
        }
        ControlTestStatus status = testStatuses.findById(r.testId()).orElseGet(() -> new ControlTestStatus(r.testId()));
        if (status.record(
                r.controlId(),
                r.systemId(),
                r.resultId(),
                r.outcome(),
                r.metric(),
                r.figure(),
                r.threshold(),
                r.recordedAt())) {
            testStatuses.save(status);
        }
        String cause = "test:" + r.testId();
        String delivery = "result:" + r.resultId();
        Instant at = r.windowEnd() == null ? r.recordedAt() : r.windowEnd();
        if (r.outcome() == Outcome.FAILED) {
            Set<Long> mitigated = new LinkedHashSet<>();
            r.control().risks().forEach(risk -> mitigated.add(risk.id()));
            Severity severity = Severity.of(
                    r.figure() == null ? r.threshold() : r.figure(),
                    r.threshold(),
                    r.control().mitigatesHighRisk());
            Cause c = new Cause(
                    cause,
                    r.systemId(),
                    r.controlId(),
                    r.testId(),
                    testTitle(r),
                    r.source(),
                    r.deployment(),
                    r.metric(),
                    blank(r.subject()),
                    r.comparison(),
                    r.threshold());
            breach(
                    c,
                    mitigated,
                    severity,
                    new Occurrence(
                            0,
                            OccurrenceKind.BREACH,
                            delivery,
                            r.figure(),
                            r.threshold(),
                            r.windowStart(),
                            r.windowEnd(),
                            r.sampleSize(),
                            at),
                    r.system(),
                    r.control().title(),
                    r.control().owner());
        } else if (r.outcome() == Outcome.PASSED) {
            recovery(cause, delivery, r.figure(), r.threshold(), r.windowStart(), r.windowEnd(), r.sampleSize(), at);
        }
    }

    /** An alert seen open opens or adds to the finding of its cause; seen cleared, it is a recovery. */
    @PreAuthorize(SYSTEM_ONLY)
    public void record(MonitorAlertObserved a) {
        if (a.system() == null || !known(a.systemId())) {
            log.warn(
                    "Alert {} at {} names AI system {}, which was gone; nothing recorded",
                    a.alertId(),
                    a.source(),
                    a.systemId());
            return;
        }
        String subject = blank(a.subject());
        String cause = "alert:" + a.source() + "/" + a.deployment() + "/" + a.metric() + "/"
                + (subject == null ? "" : subject);
        String delivery = "alert:" + a.source() + "/" + a.alertId() + (a.open() ? "/open" : "/cleared");
        if (a.open()) {
            Cause c = new Cause(
                    cause,
                    a.systemId(),
                    null,
                    null,
                    alertTitle(a, subject, a.system().name()),
                    a.source(),
                    a.deployment(),
                    a.metric(),
                    subject,
                    null,
                    a.threshold());
            breach(
                    c,
                    Set.of(),
                    Severity.of(a.value(), a.threshold(), false),
                    new Occurrence(
                            0, OccurrenceKind.BREACH, delivery, a.value(), a.threshold(), null, null, null, a.at()),
                    a.system(),
                    null,
                    null);
        } else {
            recovery(cause, delivery, a.value(), a.threshold(), null, null, null, a.at());
        }
    }

    private void breach(
            Cause cause,
            Set<Long> mitigated,
            Severity severity,
            Occurrence template,
            SystemFacts system,
            String controlTitle,
            String controlOwner) {
        if (occurrences.existsByDelivery(template.getDelivery())) {
            return;
        }
        Instant now = clock.instant();
        Finding f = findings.lockByCause(cause.key()).orElse(null);
        if (f == null) {
            f = findings.saveAndFlush(new Finding(cause, mitigated, severity, template.getAt(), now));
            occurrences.save(copy(f.getId(), template));
            events.publishEvent(new FindingOpened(
                    f.getId(),
                    f.getCause(),
                    f.getSystemId(),
                    f.getControlId(),
                    f.getTitle(),
                    f.getSeverity(),
                    f.getRisks()));
            notices.opened(f, true, system, controlTitle, controlOwner);
            return;
        }
        BreachEffect effect = f.breached(severity, mitigated, template.getAt(), now);
        findings.saveAndFlush(f);
        occurrences.save(copy(f.getId(), template));
        events.publishEvent(new FindingOccurred(
                f.getId(),
                template.getDelivery(),
                template.getFigure(),
                template.getAt(),
                f.getSeverity(),
                f.getOccurrences()));
        if (effect == BreachEffect.REOPENED) {
            events.publishEvent(new FindingReopened(f.getId(), f.getReopenReason(), true));
            notices.opened(f, false, system, controlTitle, controlOwner);
        }
    }

    private void recovery(
            String cause,
            String delivery,
            Double figure,
            double threshold,
            Instant windowStart,
            Instant windowEnd,
            Long sampleSize,
            Instant at) {
        if (occurrences.existsByDelivery(delivery)) {
            return;
        }
        findings.lockByCause(cause).ifPresent(f -> {
            if (f.recovered(figure, at, clock.instant())) {
                findings.saveAndFlush(f);
                occurrences.save(new Occurrence(
                        f.getId(),
                        OccurrenceKind.RECOVERY,
                        delivery,
                        figure,
                        threshold,
                        windowStart,
                        windowEnd,
                        sampleSize,
                        at));
                events.publishEvent(new FindingRecovered(f.getId(), delivery, figure, at));
            }
        });
    }

    /** Whether the system is still in this module's copy of the inventory (a removal may have come after the event). */
    private boolean known(long systemId) {
        return em.createQuery("select count(s) from FindingSystem s where s.id = :id", Long.class)
                        .setParameter("id", systemId)
                        .getSingleResult()
                > 0;
    }

    private static String testTitle(ControlTestRecorded r) {
        return FindingTitles.test(
                r.control().title(),
                r.metric(),
                blank(r.subject()),
                r.comparison(),
                r.threshold(),
                r.system().name());
    }

    private static String alertTitle(MonitorAlertObserved a, String subject, String systemName) {
        return FindingTitles.alert(a.deployment(), a.metric(), subject, a.threshold(), systemName);
    }

    private static Occurrence copy(long findingId, Occurrence t) {
        return new Occurrence(
                findingId,
                t.getKind(),
                t.getDelivery(),
                t.getFigure(),
                t.getThreshold(),
                t.getWindowStart(),
                t.getWindowEnd(),
                t.getSampleSize(),
                t.getAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
