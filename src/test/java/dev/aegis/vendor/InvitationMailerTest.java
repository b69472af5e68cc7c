package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class InvitationMailerTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void the_invitation_goes_to_the_vendors_contacts_with_the_portal_page_link() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(greenMail.getSmtp().getPort());
        var provider = new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class);
        InvitationMailer mailer = new InvitationMailer(provider, "aegis@org.example", "https://aegis.org.example/");
        Vendor vendor = new Vendor(Instant.now());
        vendor.describe(VendorFixtures.llmProvider("Mailed LLM", Set.of()), LocalDate.now(), Instant.now());
        var link = new AssessmentService.IssuedLink(
                7,
                "aegp_secret",
                "/portal/v1/aegp_secret",
                "/assets/vendor-portal.html#aegp_secret",
                Instant.parse("2027-02-15T00:00:00Z"));

        List<String> to =
                mailer.send(vendor, "Third-party AI / LLM provider assessment", LocalDate.of(2027, 1, 31), link);

        assertThat(to).containsExactly("dana@llm.example");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo("dana@llm.example");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("aegis@org.example");
        assertThat(received[0].getSubject()).isEqualTo("Assessment: Third-party AI / LLM provider assessment");
        assertThat(GreenMailUtil.getBody(received[0]))
                .contains("https://aegis.org.example/assets/vendor-portal.html#aegp_secret")
                .contains("2027-01-31")
                .contains("2027-02-15");
    }

    @Test
    void without_a_mail_server_nothing_is_sent() {
        var none = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        InvitationMailer mailer = new InvitationMailer(none, "aegis@org.example", "http://localhost:8080");
        Vendor vendor = new Vendor(Instant.now());
        vendor.describe(VendorFixtures.llmProvider("Unmailed LLM", Set.of()), LocalDate.now(), Instant.now());
        var link = new AssessmentService.IssuedLink(7, "t", "p", "page", Instant.now());
        assertThat(mailer.send(vendor, "Q", LocalDate.now(), link)).isEmpty();
    }
}
