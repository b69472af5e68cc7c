package dev.aegis.finding;

import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.security.Role;
import dev.aegis.security.UserService;
import dev.aegis.security.UserService.Recipient;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells people a finding opened or reopened — once per opening, never per occurrence: the system's owners, the
 * control's owner and every governance officer, in Aegis and by e-mail (after the change commits), each once.
 */
@Component
class FindingNotices {

    static final String TOPIC = "finding";
    private final Notifications notifications;
    private final UserService users;

    FindingNotices(Notifications notifications, UserService users) {
        this.notifications = notifications;
        this.users = users;
    }

    void tell(Finding f, String systemName, String controlTitle, Collection<String> owners, boolean first) {
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
                    .append(FindingService.number(f.getThreshold()))
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
}
