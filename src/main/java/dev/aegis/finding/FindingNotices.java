package dev.aegis.finding;

import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.risk.RiskService;
import dev.aegis.security.Role;
import dev.aegis.security.UserService;
import dev.aegis.security.UserService.Recipient;
import dev.aegis.shared.Actors;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What follows a finding's opening or reopening — once per opening, never per occurrence: the risks the control
 * mitigates are flagged for reassessment, and people are told: the system's owners, the control's owner and every
 * governance officer, in Aegis and by e-mail (after the change commits), each once. It runs in the transaction that
 * opened the finding (the telemetry listener's, or the person's who reopened it), so a redelivered event that finds the
 * occurrence recorded repeats neither.
 */
@Component
class FindingNotices {

    static final String TOPIC = "finding";
    private final Notifications notifications;
    private final UserService users;
    private final RiskService risks;

    FindingNotices(Notifications notifications, UserService users, RiskService risks) {
        this.notifications = notifications;
        this.users = users;
        this.risks = risks;
    }

    /** The risks flagged (by the system actor, holding {@link RiskService#SYSTEM_FLAG}) and the people told. */
    void opened(Finding f, boolean first, SystemFacts system, String controlTitle, String controlOwner) {
        String reason = "Finding " + f.getId() + (first ? " opened: " : " reopened: ") + f.getTitle();
        // the flags are the system's doing, also when a person reopened the finding
        Actors.runAsSystem(Set.of(RiskService.SYSTEM_FLAG), () -> {
            for (Long riskId : f.getRisks()) {
                risks.flagForReassessment(riskId, reason);
            }
        });
        Set<String> owners = new LinkedHashSet<>(system.owners());
        if (controlOwner != null && !controlOwner.isBlank()) {
            owners.add(controlOwner.trim());
        }
        tell(f, system.name(), controlTitle, owners, first);
    }

    private void tell(Finding f, String systemName, String controlTitle, Collection<String> owners, boolean first) {
        Set<String> recipients = new LinkedHashSet<>(owners);
        users.recipientsWithRole(Role.GOVERNANCE_OFFICER).stream()
                .map(Recipient::username)
                .forEach(recipients::add);
        String subject = (first ? "Finding opened: " : "Finding reopened: ") + f.getTitle();
        StringBuilder body = new StringBuilder();
        body.append("AI system: ").append(systemName).append('\n');
        if (controlTitle != null) {
            body.append("Control: ").append(controlTitle).append('\n');
        }
        body.append("Severity: ").append(f.getSeverity().label()).append('\n');
        if (f.getMetric() != null) {
            body.append("Measured: ")
                    .append(dev.aegis.shared.MetricVocabulary.metric(f.getMetric(), f.getSubject()))
                    .append(", threshold ")
                    .append(number(f.getThreshold()))
                    .append('\n');
        }
        if (!first && f.getReopenReason() != null) {
            body.append("Reopened because: ").append(f.getReopenReason()).append('\n');
        }
        if (!f.getRisks().isEmpty()) {
            body.append("The residual scores of ")
                    .append(f.getRisks().size())
                    .append(" risk(s) this control mitigates are to be reassessed.\n");
        }
        notifications.send(recipients, new Message(TOPIC, subject, body.toString(), "findings/" + f.getId()));
    }

    /** A figure or threshold as people read it: whole numbers without decimals, small ones to four digits. */
    static String number(Double v) {
        if (v == null) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf(v.longValue());
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.4g" : "%.2f", v);
    }
}
