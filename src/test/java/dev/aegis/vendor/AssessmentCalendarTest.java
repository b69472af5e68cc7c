package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aegis.AegisTest;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.shared.TestClock;
import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The calendar on the real database with a clock the test moves. Other tests' assessments share the database, so each
 * test looks only at its own vendor (its own contact address, its own notifications) and runs the calendar twice
 * where it says "once".
 */
@AegisTest
class AssessmentCalendarTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    Assessments assessments;

    @Autowired
    AssessmentAgenda agenda;

    @Autowired
    Vendors vendorRepository;

    @Autowired
    QuestionnaireTemplates templateRepository;

    @Autowired
    CertifiedVendors certified;

    @Autowired
    ReminderLog reminderLog;

    @Autowired
    Notifications notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AssessmentService service;

    @Autowired
    PortalService portal;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    private final TestClock clock = new TestClock();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private AssessmentCalendar calendar() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(greenMail.getSmtp().getPort());
        var provider = new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class);
        return new AssessmentCalendar(
                assessments,
                agenda,
                vendorRepository,
                templateRepository,
                reminderLog,
                new ContactMailer(provider, "aegis@org.example"),
                notifications,
                events,
                clock,
                "7,1",
                30);
    }

    private CertificateWatch watch() {
        return new CertificateWatch(certified, reminderLog, notifications, events, clock);
    }

    /** Moves the test clock to noon (UTC) of that day. */
    private void today(LocalDate day) {
        clock.advance(Duration.between(clock.instant(), day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    /** As the scheduled job runs it: in a transaction, as the system actor that keeps the calendar and tells people. */
    private <T> T inTransaction(Supplier<T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        Actors.runAsSystem(
                Set.of(VendorService.SYSTEM_CALENDAR, Notifications.SYSTEM_SEND),
                () -> out.set(tx.execute(s -> work.get())));
        return out.get();
    }

    /** A vendor whose one contact has an address of its own, so its mails are told apart from other tests'. */
    private Vendor vendor(String tag, String contact, List<Certification> certifications) {
        VendorDetails d = VendorFixtures.llmProvider("Calendar " + tag, Set.of());
        return vendors.register(new VendorDetails(
                d.name(),
                d.services(),
                d.aiProducts(),
                List.of(new Contact("Sam Lee", contact, null, null)),
                d.criticality(),
                d.processingCountries(),
                d.storageCountries(),
                d.subProcessors(),
                d.dpaStatus(),
                d.dpaSignedOn(),
                d.meetsGdpr(),
                d.meetsCcpa(),
                certifications,
                d.systems(),
                d.notes()));
    }

    private List<String> subjectsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> to(m).contains(address))
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int notificationsFor(String user, String topic, String subjectPart) {
        return jdbc.queryForObject(
                "select count(*) from notification.notification where recipient = ? and topic = ? "
                        + "and subject like ?",
                Integer.class,
                user,
                topic,
                "%" + subjectPart + "%");
    }

    @Test
    void the_vendors_contacts_are_reminded_once_seven_days_and_once_one_day_before_the_due_date() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String tag = Long.toString(System.nanoTime());
        String contact = "remind-" + tag + "@vendor.example";
        Vendor vendor = vendor(tag, contact, List.of());
        QuestionnaireTemplate template = templates
                .importJson(AssessmentFixtures.template("remind-" + tag, "Q?"))
                .template();
        LocalDate due = LocalDate.now().plusDays(60);
        Assessment a = service.start(vendor.getId(), template.getId(), due);
        service.issueLink(a.getId());
        AssessmentCalendar calendar = calendar();

        today(due.minusDays(8));
        inTransaction(calendar::remindDueSoon);
        assertThat(subjectsTo(contact)).isEmpty();

        today(due.minusDays(7));
        inTransaction(calendar::remindDueSoon);
        inTransaction(calendar::remindDueSoon);
        assertThat(subjectsTo(contact)).containsExactly("Reminder: Portal remind-" + tag + " is due in 7 days");

        today(due.minusDays(3));
        inTransaction(calendar::remindDueSoon);
        assertThat(subjectsTo(contact)).hasSize(1);

        today(due.minusDays(1));
        inTransaction(calendar::remindDueSoon);
        inTransaction(calendar::remindDueSoon);
        assertThat(subjectsTo(contact))
                .containsExactly(
                        "Reminder: Portal remind-" + tag + " is due in 7 days",
                        "Reminder: Portal remind-" + tag + " is due tomorrow");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Assessment' "
                                + "and object_id = ? and action = 'REMINDER_SENT'",
                        Integer.class,
                        a.getId().toString()))
                .isEqualTo(2);
    }

    @Test
    void a_draft_is_not_reminded_because_the_vendor_has_no_link_yet() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String tag = Long.toString(System.nanoTime());
        String contact = "draft-" + tag + "@vendor.example";
        Vendor vendor = vendor(tag, contact, List.of());
        QuestionnaireTemplate template = templates
                .importJson(AssessmentFixtures.template("draft-" + tag, "Q?"))
                .template();
        LocalDate due = LocalDate.now().plusDays(61);
        service.start(vendor.getId(), template.getId(), due);

        today(due.minusDays(1));
        inTransaction(calendar()::remindDueSoon);

        assertThat(subjectsTo(contact)).isEmpty();
    }

    @Test
    void an_open_assessment_past_its_due_date_is_flagged_overdue_once_and_its_starter_told_once() {
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        TestAccounts.signIn(manager);
        String tag = Long.toString(System.nanoTime());
        String contact = "late-" + tag + "@vendor.example";
        Vendor vendor = vendor(tag, contact, List.of());
        QuestionnaireTemplate template = templates
                .importJson(AssessmentFixtures.template("late-" + tag, "Q?"))
                .template();
        LocalDate due = LocalDate.now().plusDays(1);
        Assessment a = service.start(vendor.getId(), template.getId(), due);
        service.issueLink(a.getId());
        AssessmentCalendar calendar = calendar();

        today(due);
        inTransaction(calendar::flagOverdue);
        assertThat(service.get(a.getId()).isOverdue()).isFalse();

        today(due.plusDays(1));
        inTransaction(calendar::flagOverdue);
        today(due.plusDays(2));
        inTransaction(calendar::flagOverdue);

        Assessment late = service.get(a.getId());
        assertThat(late.isOverdue()).isTrue();
        assertThat(late.getOverdueSince()).isEqualTo(due.plusDays(1));
        assertThat(late.getState()).isEqualTo(State.INVITED);
        assertThat(notificationsFor(manager.username(), "assessment-overdue", vendor.getName()))
                .isEqualTo(1);
        assertThat(subjectsTo(contact)).containsExactly("Overdue: Portal late-" + tag);
    }

    @Test
    void a_yearly_reassessment_is_started_once_from_the_latest_template_version_thirty_days_ahead() {
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        TestAccounts.signIn(manager);
        String tag = Long.toString(System.nanoTime());
        Vendor vendor = vendor(tag, "again-" + tag + "@vendor.example", List.of());
        assertThat(vendor.reassessmentInterval()).isEqualTo(ReassessmentInterval.YEARLY); // a high-criticality vendor
        String key = "again-" + tag;
        QuestionnaireTemplate v1 =
                templates.importJson(AssessmentFixtures.template(key, "Q?")).template();
        Assessment first =
                service.start(vendor.getId(), v1.getId(), LocalDate.now().plusDays(10));
        String token = service.issueLink(first.getId()).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        portal.submit(token);
        Assessment approved =
                service.approve(first.getId(), service.get(first.getId()).getVersion(), "Fine");
        QuestionnaireTemplate v2 = templates
                .importJson(AssessmentFixtures.template(key, "Changed question?"))
                .template();
        assertThat(v2.getVersion()).isEqualTo(2);
        LocalDate approvedOn = approved.getDecidedAt().atZone(ZoneOffset.UTC).toLocalDate();
        AssessmentCalendar calendar = calendar();

        today(approvedOn.plusYears(1).minusDays(31));
        inTransaction(calendar::startReassessments);
        assertThat(service.forVendor(vendor.getId())).hasSize(1);

        today(approvedOn.plusYears(1).minusDays(30));
        inTransaction(calendar::startReassessments);
        inTransaction(calendar::startReassessments);
        today(approvedOn.plusYears(1).minusDays(5));
        inTransaction(calendar::startReassessments);

        List<Assessment> all = service.forVendor(vendor.getId());
        assertThat(all).hasSize(2);
        Assessment next = all.stream()
                .filter(x -> !x.getId().equals(first.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(next.getState()).isEqualTo(State.DRAFT);
        assertThat(next.getTemplateId()).isEqualTo(v2.getId());
        assertThat(next.getDueOn()).isEqualTo(approvedOn.plusYears(1));
        assertThat(next.getReassessmentOf()).isEqualTo(first.getId());
        assertThat(notificationsFor(manager.username(), "reassessment", vendor.getName()))
                .isEqualTo(1);
        assertThat(calendar.nextReassessment(vendor.getId())).isEqualTo(approvedOn.plusYears(1));
    }

    @Test
    void a_vendor_not_on_a_schedule_is_not_reassessed() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String tag = Long.toString(System.nanoTime());
        Vendor vendor = vendor(tag, "never-" + tag + "@vendor.example", List.of());
        calendar().reassessEvery(vendor.getId(), vendor.getVersion(), ReassessmentInterval.NONE);
        QuestionnaireTemplate v1 = templates
                .importJson(AssessmentFixtures.template("never-" + tag, "Q?"))
                .template();
        Assessment first =
                service.start(vendor.getId(), v1.getId(), LocalDate.now().plusDays(10));
        String token = service.issueLink(first.getId()).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        portal.submit(token);
        service.approve(first.getId(), service.get(first.getId()).getVersion(), null);

        today(LocalDate.now().plusYears(2));
        inTransaction(calendar()::startReassessments);

        assertThat(service.forVendor(vendor.getId())).hasSize(1);
    }

    @Test
    void vendor_managers_are_warned_once_per_certificate_at_sixty_and_thirty_days_and_on_expiry() {
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        TestAccounts.signIn(manager);
        String tag = Long.toString(System.nanoTime());
        LocalDate expires = LocalDate.now().plusDays(150);
        Vendor vendor = vendor(
                tag, "cert-" + tag + "@vendor.example", List.of(new Certification(CertificationType.SOC_2, expires)));
        CertificateWatch watch = watch();

        today(expires.minusDays(61));
        inTransaction(watch::warnExpiring);
        assertThat(notificationsFor(manager.username(), "certificate-expiry", vendor.getName()))
                .isZero();
        assertThat(watch.badge(vendors.get(vendor.getId()))).isEmpty();

        today(expires.minusDays(60));
        inTransaction(watch::warnExpiring);
        inTransaction(watch::warnExpiring);
        assertThat(notificationsFor(manager.username(), "certificate-expiry", vendor.getName()))
                .isEqualTo(1);
        assertThat(watch.badge(vendors.get(vendor.getId()))).contains("SOC 2 expires in 60 days");

        today(expires.minusDays(45));
        inTransaction(watch::warnExpiring);
        assertThat(notificationsFor(manager.username(), "certificate-expiry", vendor.getName()))
                .isEqualTo(1);

        today(expires.minusDays(30));
        inTransaction(watch::warnExpiring);
        inTransaction(watch::warnExpiring);
        assertThat(notificationsFor(manager.username(), "certificate-expiry", vendor.getName()))
                .isEqualTo(2);

        today(expires.plusDays(1));
        inTransaction(watch::warnExpiring);
        inTransaction(watch::warnExpiring);
        assertThat(notificationsFor(manager.username(), "certificate-expiry", vendor.getName() + " has expired"))
                .isEqualTo(1);
        assertThat(notificationsFor(manager.username(), "certificate-expiry", vendor.getName()))
                .isEqualTo(3);
        assertThat(watch.badge(vendors.get(vendor.getId()))).contains("SOC 2 expired");
    }

    @Test
    void reminder_days_are_read_from_a_comma_separated_list() {
        assertThat(AssessmentCalendar.days("7, 1,14")).containsExactly(1, 7, 14);
        assertThat(AssessmentCalendar.days("")).isEmpty();
    }
}
