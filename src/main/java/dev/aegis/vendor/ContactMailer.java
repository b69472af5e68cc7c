package dev.aegis.vendor;

import dev.aegis.shared.AfterCommit;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Reminds a vendor's contacts (people outside Aegis, so not users to notify) of an assessment that is due soon or
 * overdue. Mail goes out after the transaction that decided to send it commits; without a mail server
 * ({@code SPRING_MAIL_HOST}) nothing is sent. The private link is not in the mail: Aegis keeps only its hash, so the
 * contacts use the link of their invitation.
 */
@Component
class ContactMailer {

    private static final Logger log = LoggerFactory.getLogger(ContactMailer.class);
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    ContactMailer(ObjectProvider<JavaMailSender> sender, @Value("${aegis.mail-from:aegis@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Reminds the contacts that the questionnaire is due in {@code daysLeft} days; answers the addresses. */
    List<String> dueSoon(Vendor vendor, String questionnaire, LocalDate dueOn, long daysLeft) {
        String when = daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days";
        return send(vendor, "Reminder: " + questionnaire + " is due " + when, """
                Hello,

                a reminder that %s is asked to answer the questionnaire "%s" by %s (%s).

                Please finish and submit it with the link of your invitation; answers saved so far are kept. If the
                link is lost, ask your contact at our organisation for a new one.
                """.formatted(
                        vendor.getName(), questionnaire, dueOn, when));
    }

    /** Tells the contacts the questionnaire is overdue; answers the addresses. */
    List<String> overdue(Vendor vendor, String questionnaire, LocalDate dueOn) {
        return send(vendor, "Overdue: " + questionnaire, """
                Hello,

                the questionnaire "%s" that %s was asked to answer was due on %s and has not been submitted yet.

                Please finish and submit it with the link of your invitation as soon as you can. If the link is lost
                or no longer works, ask your contact at our organisation for a new one.
                """.formatted(questionnaire, vendor.getName(), dueOn));
    }

    private List<String> send(Vendor vendor, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        List<String> to = vendor.details().contacts().stream()
                .map(Contact::email)
                .filter(Objects::nonNull)
                .filter(e -> !e.isBlank())
                .distinct()
                .toList();
        if (mail == null || to.isEmpty()) {
            return List.of();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        AfterCommit.run(() -> {
            try {
                mail.send(message);
            } catch (MailException e) {
                log.warn("Could not mail \"{}\" to {}: {}", subject, to, e.getMessage());
            }
        });
        return to;
    }
}
