package dev.aegis.aims;

import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.shared.Dates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review dates of the AIMS's documented information: the owner of a policy or scope statement whose version in force
 * is due for review, and the owner of an impact assessment whose approved version is, are told through the
 * notifications — once when the review date comes within {@link #REMIND_DAYS} days and once more when it has passed,
 * never every day (each version keeps the last milestone told). Run each day by {@link ReviewReminderSchedule} as the
 * system actor with {@link #SYSTEM_REMIND} (and the inventory's read permission, for the AI systems' names).
 */
@Service
@Transactional
public class ReviewReminder {

    /** The system actor's permission to remind owners of review dates. */
    public static final String SYSTEM_REMIND = "SYSTEM:aims.remind-reviews";
    /** How many days before the review date the first reminder goes out. */
    public static final int REMIND_DAYS = 30;

    /** How far a review date has come; the order matters: a milestone is told once, a later one once more. */
    enum Milestone {
        DUE_SOON,
        OVERDUE;

        /** The milestone a review date has reached on {@code today}; null while it is further off. */
        static Milestone of(LocalDate reviewBy, LocalDate today) {
            if (reviewBy == null) {
                return null;
            }
            if (reviewBy.isBefore(today)) {
                return OVERDUE;
            }
            return reviewBy.isAfter(today.plusDays(REMIND_DAYS)) ? null : DUE_SOON;
        }

        /** Whether reaching {@code now} after having told {@code told} is news. */
        static boolean isNews(Milestone now, Milestone told) {
            return now != null && (told == null || now.ordinal() > told.ordinal());
        }
    }

    private final AimsDocuments documents;
    private final DocumentVersions versions;
    private final ImpactAssessments assessments;
    private final ImpactAssessmentVersions assessmentVersions;
    private final dev.aegis.inventory.AiSystemService systems;
    private final Notifications notifications;
    private final Clock clock;

    ReviewReminder(
            AimsDocuments documents,
            DocumentVersions versions,
            ImpactAssessments assessments,
            ImpactAssessmentVersions assessmentVersions,
            dev.aegis.inventory.AiSystemService systems,
            Notifications notifications,
            Clock clock) {
        this.documents = documents;
        this.versions = versions;
        this.assessments = assessments;
        this.assessmentVersions = assessmentVersions;
        this.systems = systems;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Sends the reminders due today; answers how many notifications went out. */
    @PreAuthorize("hasAuthority('" + SYSTEM_REMIND + "') or hasRole('ADMIN')")
    public int remindReviewsDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(REMIND_DAYS);
        int sent = 0;

        List<DocumentVersion> inForce = versions.inForceForReviewBy(horizon);
        Map<Long, AimsDocument> docs =
                documents
                        .findAllById(inForce.stream()
                                .map(DocumentVersion::getDocumentId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(AimsDocument::getId, Function.identity()));
        for (DocumentVersion v : inForce) {
            Milestone now = Milestone.of(v.getReviewBy(), today);
            AimsDocument d = docs.get(v.getDocumentId());
            if (d == null || !Milestone.isNews(now, v.getReviewReminded())) {
                continue;
            }
            String what = d.getReference() + " " + d.getTitle();
            sent += notifications.send(
                    List.of(d.getOwner()),
                    new Message(
                            "aims.review-due",
                            subject(now, v.getReviewBy(), what),
                            "Version " + v.getNumber() + " of " + what + " ("
                                    + d.getKind().label() + ") is to be "
                                    + "reviewed by " + Dates.day(v.getReviewBy()) + ". Review it and either confirm "
                                    + "it with a new version or withdraw it (ISO/IEC 42001 7.5.2).",
                            "aims/documents/" + d.getId()));
            v.reviewReminded(now);
        }

        List<ImpactAssessmentVersion> approved = assessmentVersions.approvedForReviewBy(horizon);
        Map<Long, ImpactAssessment> byId =
                assessments
                        .findAllById(approved.stream()
                                .map(ImpactAssessmentVersion::getAssessmentId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ImpactAssessment::getId, Function.identity()));
        Map<Long, String> names = approved.isEmpty()
                ? Map.of()
                : systems.names(byId.values().stream()
                        .map(ImpactAssessment::getSystemId)
                        .toList());
        for (ImpactAssessmentVersion v : approved) {
            Milestone now = Milestone.of(v.getReviewBy(), today);
            ImpactAssessment a = byId.get(v.getAssessmentId());
            if (a == null || !Milestone.isNews(now, v.getReviewReminded())) {
                continue;
            }
            String what = "impact assessment " + a.getReference() + " of "
                    + names.getOrDefault(a.getSystemId(), "an AI system no longer in the inventory");
            sent += notifications.send(
                    List.of(a.getOwner()),
                    new Message(
                            "aims.review-due",
                            subject(now, v.getReviewBy(), what),
                            "Version " + v.getNumber() + " of the " + what + " is to be reviewed by "
                                    + Dates.day(v.getReviewBy()) + ". Review the impacts and measures and approve a "
                                    + "new version (ISO/IEC 42001 8.4, A.5).",
                            "aims/impact-assessment/" + a.getId()));
            v.reviewReminded(now);
        }
        return sent;
    }

    /** "Review due 2026-06-30: POL-001 AI policy" or "Review overdue since 2026-06-30: …". */
    static String subject(Milestone milestone, LocalDate reviewBy, String what) {
        return (milestone == Milestone.OVERDUE ? "Review overdue since " : "Review due ") + Dates.day(reviewBy) + ": "
                + what;
    }
}
