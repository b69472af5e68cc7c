package dev.aegis.vendor;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a vendor's contacts the invitation to an assessment with its private link, when a mail server is configured
 * ({@code SPRING_MAIL_HOST}); without one, nothing is sent and the vendor manager passes the link on.
 */
@Component
class InvitationMailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String url;

    InvitationMailer(
            ObjectProvider<JavaMailSender> sender,
            @Value("${aegis.mail-from:aegis@localhost}") String from,
            @Value("${aegis.url:http://localhost:8080}") String url) {
        this.sender = sender;
        this.from = from;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Mails the invitation to each of the vendor's contacts with an address; answers the addresses it went to. */
    List<String> send(Vendor vendor, String questionnaire, LocalDate dueOn, AssessmentService.IssuedLink link) {
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
        message.setSubject("Assessment: " + questionnaire);
        message.setText("""
                Hello,

                %s is asked to answer the questionnaire "%s" by %s.

                Open it here (answers are saved as you go; you can come back to it with the same link):
                %s%s

                The link is for %s only: please do not pass it on. It stops working on %s.
                """.formatted(
                        vendor.getName(),
                        questionnaire,
                        dueOn,
                        url,
                        link.page(),
                        vendor.getName(),
                        link.expiresAt().atZone(ZoneOffset.UTC).toLocalDate()));
        mail.send(message);
        return to;
    }
}
