package dev.aegis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aegis.AegisTest;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.security.UserService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.support.TransactionTemplate;

@AegisTest
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    NotificationStore store;

    @Autowired
    UserService users;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Notifications inApp;

    private Notifications mailing;

    @BeforeEach
    void mailServer() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(greenMail.getSmtp().getPort());
        var provider = new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class);
        mailing = new Notifications(
                store, users, provider, Clock.systemUTC(), "aegis@org.example", "https://aegis.org.example/");
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_notification_is_kept_for_each_recipient_and_mailed_to_those_with_an_address() throws Exception {
        AegisUser owner = accounts.createWithEmail("owner", "owner@org.example", Role.SYSTEM_OWNER);
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);

        int told = tx.execute(s -> mailing.send(
                List.of(owner.username(), officer.username(), "nobody-here"),
                new Notifications.Message(
                        "finding", "Drift on Triage assistant", "PSI 0.31 over 24 h.", "findings/7")));

        assertThat(told).isEqualTo(2);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("owner@org.example");
        assertThat(received[0].getSubject()).isEqualTo("[Aegis] Drift on Triage assistant");
        assertThat(GreenMailUtil.getBody(received[0]))
                .contains("PSI 0.31 over 24 h.")
                .contains("https://aegis.org.example/findings/7");
        TestAccounts.signIn(officer);
        assertThat(inApp.mine(10)).extracting(Notification::getSubject).containsExactly("Drift on Triage assistant");
        assertThat(inApp.unreadCount()).isEqualTo(1);
    }

    @Test
    void a_change_rolled_back_mails_no_one() {
        AegisUser owner = accounts.createWithEmail("owner", "rollback@org.example", Role.SYSTEM_OWNER);
        tx.executeWithoutResult(s -> {
            mailing.send(List.of(owner.username()), new Notifications.Message("finding", "Never sent", "", null));
            s.setRollbackOnly();
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        TestAccounts.signIn(owner);
        assertThat(inApp.mine(10)).isEmpty();
    }

    @Test
    void people_read_and_mark_only_their_own_notifications() {
        AegisUser a = accounts.create("reader-a", Role.AUDITOR);
        AegisUser b = accounts.create("reader-b", Role.AUDITOR);
        asSystem(() ->
                inApp.send(List.of(a.username()), new Notifications.Message("evidence", "Evidence expires", "", null)));
        TestAccounts.signIn(a);
        long id = inApp.mine(5).getFirst().getId();

        TestAccounts.signIn(b);
        assertThat(inApp.mine(5)).isEmpty();
        assertThatThrownBy(() -> inApp.markRead(id)).isInstanceOf(NotFoundException.class);

        TestAccounts.signIn(a);
        inApp.markRead(id);
        assertThat(inApp.unreadCount()).isZero();
        assertThat(inApp.mine(5).getFirst().isUnread()).isFalse();
    }

    @Test
    void a_role_is_told_through_its_active_members() {
        AegisUser vm = accounts.create("vendor-manager", Role.VENDOR_MANAGER);
        AtomicInteger told = new AtomicInteger();
        asSystem(() -> told.set(inApp.sendToRole(
                Role.VENDOR_MANAGER,
                new Notifications.Message("assessment", "Assessment overdue", "Acme is late.", "vendors"))));
        assertThat(told).hasValueGreaterThanOrEqualTo(1);
        TestAccounts.signIn(vm);
        assertThat(inApp.mine(5)).extracting(Notification::getTopic).contains("assessment");
    }

    @Test
    void only_someone_signed_in_or_the_system_granted_it_tells_people() {
        AegisUser a = accounts.create("told", Role.AUDITOR);
        Notifications.Message message = new Notifications.Message("evidence", "Not from nobody", "", null);
        assertThatThrownBy(() -> inApp.send(List.of(a.username()), message))
                .as("no one signed in")
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> Actors.runAsSystem(
                        Set.of("SYSTEM:risk.flag-for-reassessment"), () -> inApp.sendToRole(Role.AUDITOR, message)))
                .as("the system without the permission to tell people")
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(accounts.create("officer-telling", Role.GOVERNANCE_OFFICER));
        assertThat(inApp.send(List.of(a.username()), message)).isEqualTo(1);
    }

    /** As the system actor tells people (the telemetry loop, the daily jobs). */
    private static void asSystem(Runnable work) {
        Actors.runAsSystem(Set.of(Notifications.SYSTEM_SEND), work::run);
    }
}
