package dev.aegis.finding;

import dev.aegis.control.Control;
import dev.aegis.control.ControlService;
import dev.aegis.finding.FindingEvents.FindingAccepted;
import dev.aegis.finding.FindingEvents.FindingInvestigated;
import dev.aegis.finding.FindingEvents.FindingReopened;
import dev.aegis.finding.FindingEvents.FindingResolved;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a finding through its workflow: open → investigating → resolved or accepted, and back to open with a reason.
 * Officers and administrators move any finding, a system owner those of their systems; only officers and
 * administrators accept one. Every step names the version it was made against.
 */
@Service
@Transactional
public class FindingWorkflow {

    private final FindingService register;
    private final Findings findings;
    private final AiSystemService systems;
    private final ControlService controls;
    private final FindingNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingWorkflow(
            FindingService register,
            Findings findings,
            AiSystemService systems,
            ControlService controls,
            FindingNotices notices,
            ApplicationEventPublisher events,
            Clock clock) {
        this.register = register;
        this.findings = findings;
        this.systems = systems;
        this.controls = controls;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the signed-in user may move this finding through its workflow (for the screens; the steps check again). */
    @PreAuthorize(FindingService.READERS)
    @Transactional(readOnly = true)
    public boolean mayAct(long id) {
        return mayManage() || (Actors.hasAnyRole("SYSTEM_OWNER") && ownsSystemOf(register.get(id)));
    }

    /** Whether the signed-in user may accept findings: governance officers and administrators. */
    public boolean mayAccept() {
        return mayManage();
    }

    /** open → investigating, with an optional note on how. */
    @PreAuthorize(FindingService.ACTORS)
    public Finding investigate(long id, long expectedVersion, String note) {
        Finding f = actionable(id, expectedVersion);
        f.investigate(note, Actors.current(), clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingInvestigated(id, f.getInvestigationNote()));
        return f;
    }

    /** open or investigating → resolved: the root cause and the action taken are required. */
    @PreAuthorize(FindingService.ACTORS)
    public Finding resolve(long id, long expectedVersion, String rootCause, String actionTaken) {
        Finding f = actionable(id, expectedVersion);
        f.resolve(rootCause, actionTaken, Actors.current(), clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingResolved(id, f.getRootCause(), f.getActionTaken()));
        return f;
    }

    /** open or investigating → accepted, approved by the caller (a governance officer or administrator), with why. */
    @PreAuthorize(FindingService.OFFICERS)
    public Finding accept(long id, long expectedVersion, String rationale) {
        Finding f = actionable(id, expectedVersion);
        f.accept(rationale, Actors.current(), clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingAccepted(id, f.getAcceptedBy(), f.getAcceptanceRationale()));
        return f;
    }

    /** resolved or accepted → open, with the reason. People are told as when it first opened. */
    @PreAuthorize(FindingService.ACTORS)
    public Finding reopen(long id, long expectedVersion, String reason) {
        Finding f = actionable(id, expectedVersion);
        f.reopen(reason, clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingReopened(id, f.getReopenReason(), false));
        AiSystem system = systems.get(f.getSystemId());
        Control control = f.getControlId() == null
                ? null
                : controls.get(List.of(f.getControlId())).stream().findFirst().orElse(null);
        notices.opened(
                f,
                false,
                new SystemFacts(
                        system.getId(), system.getName(), system.getBusinessOwner(), system.getTechnicalOwner()),
                control == null ? null : control.getTitle(),
                control == null ? null : control.getOwner());
        return f;
    }

    private Finding actionable(long id, long expectedVersion) {
        Finding f = register.get(id);
        if (!mayManage() && !ownsSystemOf(f)) {
            throw new AccessDeniedException("A system owner moves only the findings of the AI systems they own.");
        }
        if (f.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Finding.class, id);
        }
        return f;
    }

    private boolean ownsSystemOf(Finding f) {
        try {
            return systems.get(f.getSystemId()).isOwnedBy(Actors.current());
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static boolean mayManage() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }
}
