package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.vendor.Assessment;
import dev.aegis.vendor.AssessmentReport;
import dev.aegis.vendor.AssessmentReview;
import dev.aegis.vendor.AssessmentReview.Item;
import dev.aegis.vendor.AssessmentReview.Review;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.PortalEvidence.ListedFile;
import dev.aegis.vendor.ShortfallFindings;
import dev.aegis.vendor.ShortfallFindings.Key;
import dev.aegis.vendor.ShortfallFindings.ProposedRisk;
import dev.aegis.vendor.VendorService;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The review of one assessment at {@code assessments/<id>}: each question beside the vendor's answer (files with their
 * SHA-256 and a download, the answer's score) and the reviewer's comment; the computed score; the shortfalls and the
 * risks they propose on the AI systems that depend on the vendor; the report as PDF. Vendor managers and administrators
 * comment, confirm findings, send back, approve or reject; governance officers and auditors read.
 */
@Route("assessments/:id(\\d+)")
@RolesAllowed({"ADMIN", "VENDOR_MANAGER", "GOVERNANCE_OFFICER", "AUDITOR"})
public class AssessmentReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AssessmentReview reviews;
    private final transient AssessmentService assessments;
    private final transient ShortfallFindings findings;
    private final transient AssessmentReport report;
    private final boolean mayManage;
    final H2 heading = new H2();
    final Paragraph summary = new Paragraph();
    final Span score = new Span();
    final TextArea note = new TextArea("Note to the vendor or for the record");
    final Button sendBack = new Button("Send back for clarification", new Icon(VaadinIcon.REPLY));
    final Button approve = new Button("Approve", new Icon(VaadinIcon.CHECK));
    final Button reject = new Button("Reject", new Icon(VaadinIcon.BAN));
    final Div questions = new Div();
    final Div proposals = new Div();
    final Button confirm = new Button("Raise the ticked risks", new Icon(VaadinIcon.WARNING));
    final Map<Key, Checkbox> ticks = new LinkedHashMap<>();
    final Map<String, TextArea> comments = new LinkedHashMap<>();
    final Div actions = new Div();
    final Div invitation = new Div();
    final Button invite = new Button("Send invitation", new Icon(VaadinIcon.ENVELOPE));
    final Button revoke = new Button("Revoke link", new Icon(VaadinIcon.UNLINK));
    final com.vaadin.flow.component.textfield.TextField link =
            new com.vaadin.flow.component.textfield.TextField("Private link for the vendor");
    final Span invited = new Span();
    private final String baseUrl;
    private final Div downloads = new Div();
    private long id;
    private Review review;
    private String title = "Assessment review · Aegis";

    AssessmentReviewView(
            AssessmentReview reviews,
            AssessmentService assessments,
            ShortfallFindings findings,
            AssessmentReport report,
            VendorService vendors,
            @org.springframework.beans.factory.annotation.Value("${aegis.url:http://localhost:8080}") String url) {
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.reviews = reviews;
        this.assessments = assessments;
        this.findings = findings;
        this.report = report;
        this.mayManage = vendors.mayManage();
        setId("assessment-review");
        configureActions();
        configureInvitation();
        score.setId("review-score");
        summary.setId("review-summary");
        questions.setId("review-questions");
        questions.setWidthFull();
        proposals.setId("review-proposals");
        confirm.setId("confirm-findings");
        confirm.addClickListener(e -> confirmFindings());
        confirm.setVisible(mayManage);
        add(
                new RouterLink("← Vendors", VendorsView.class),
                heading,
                summary,
                new HorizontalLayout(score, downloads),
                invitation,
                actions,
                new H3("Answers"),
                questions,
                new H3("Findings and proposed risks"),
                proposals,
                new HorizontalLayout(confirm, raiseNc()));
    }

    /**
     * Officers correct an assessment's shortfalls as an AIMS nonconformity (ISO/IEC 42001 10.2): the AIMS screen opens
     * its form prefilled from the assessment (by route name: the vendor module does not depend on the AIMS one).
     */
    private Button raiseNc() {
        Button raise = new Button("Raise a nonconformity", new Icon(VaadinIcon.WRENCH));
        raise.setId("assessment-raise-nc");
        raise.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        raise.setVisible(dev.aegis.shared.Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER"));
        raise.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                "aims/nonconformities",
                com.vaadin.flow.router.QueryParameters.of("vendorAssessment", String.valueOf(id)))));
        return raise;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        load();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void configureActions() {
        note.setId("review-note");
        note.setWidth("min(40rem, 90vw)");
        note.setMaxLength(4000);
        sendBack.setId("return-assessment");
        approve.setId("approve-assessment");
        reject.setId("reject-assessment");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        sendBack.addClickListener(e -> decide("return"));
        approve.addClickListener(e -> decide("approve"));
        reject.addClickListener(e -> decide("reject"));
        HorizontalLayout buttons = new HorizontalLayout(sendBack, approve, reject);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        actions.add(note, buttons);
        actions.setVisible(mayManage);
    }

    /**
     * The vendor's private link: sent to the vendor's contacts (when a mail server is set) and shown once here to copy;
     * a new link revokes the previous one.
     */
    private void configureInvitation() {
        invitation.setId("review-invitation");
        invite.setId("invite-vendor");
        revoke.setId("revoke-link");
        link.setId("vendor-link");
        link.setReadOnly(true);
        link.setWidth("min(48rem, 90vw)");
        link.setVisible(false);
        invited.setId("invitation-sent");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.addClickListener(e -> sendInvitation());
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(e -> revokeLink());
        Button copy = new Button(
                "Copy",
                new Icon(VaadinIcon.COPY),
                e -> link.getElement()
                        .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link.getValue()));
        copy.setId("copy-link");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        link.setSuffixComponent(copy);
        HorizontalLayout buttons = new HorizontalLayout(invite, revoke);
        invitation.add(buttons, link, invited);
    }

    void sendInvitation() {
        try {
            AssessmentService.Invitation sent = assessments.invite(id);
            load();
            link.setValue(baseUrl + sent.link().page());
            link.setHelperText("Shown this once: Aegis keeps only its hash. It works until "
                    + sent.link().expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate() + ".");
            link.setVisible(true);
            invited.setText(
                    sent.mailedTo().isEmpty()
                            ? "No e-mail was sent (no mail server, or no contact address): pass the link on yourself."
                            : "Mailed to " + String.join(", ", sent.mailedTo()) + ".");
            notice("The vendor's link is ready.", NotificationVariant.LUMO_SUCCESS);
        } catch (dev.aegis.shared.DomainRuleException e) {
            notice(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    void revokeLink() {
        assessments.revokeLink(id);
        link.clear();
        link.setVisible(false);
        revoke.setVisible(false);
        invited.setText("The link was revoked: the vendor's page now says it no longer works. Send a new link to "
                + "let them answer again.");
        notice("Link revoked.", NotificationVariant.LUMO_SUCCESS);
    }

    void load() {
        try {
            review = reviews.review(id);
        } catch (NotFoundException e) {
            review = null;
            heading.setText("No such assessment");
            summary.setText("There is no assessment " + id + ". Open a vendor to find its assessments.");
            actions.setVisible(false);
            confirm.setVisible(false);
            questions.removeAll();
            proposals.removeAll();
            downloads.removeAll();
            score.setText("");
            return;
        }
        Assessment a = review.assessment();
        title = "Assessment " + a.getId() + " of " + review.vendor() + " · Aegis";
        heading.setText("Assessment " + a.getId() + " · " + review.vendor());
        summary.setText(review.template() + " (version " + review.templateVersion() + ") · "
                + a.getState().label()
                + " · due " + a.getDueOn() + " · started by " + a.getStartedBy()
                + (a.getDecidedBy() == null
                        ? ""
                        : " · " + (a.getState().open() ? "returned" : "decided") + " by " + a.getDecidedBy()
                                + (a.getDecisionNote() == null ? "" : ": " + a.getDecisionNote()))
                + " · AI systems depending on the vendor: "
                + (review.systems().isEmpty()
                        ? "none recorded"
                        : String.join(", ", review.systems().values())));
        score.setText("Score: "
                + (review.score() == null
                        ? "not scored yet (no scored question answered)"
                        : review.score() + " of 100"));
        boolean submitted = a.getState() == Assessment.State.SUBMITTED;
        actions.setVisible(mayManage && submitted);
        invitation.setVisible(mayManage
                && (a.getState() == Assessment.State.DRAFT || a.getState().open()));
        invite.setText(a.getState() == Assessment.State.DRAFT ? "Send invitation" : "Send a new link");
        // only a link that exists and still works can be revoked
        revoke.setVisible(mayManage && assessments.hasWorkingLink(id));
        showDownloads();
        showQuestions();
        showProposals();
    }

    private void showDownloads() {
        downloads.removeAll();
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    report.pdf(id, out);
                    return new com.vaadin.flow.server.streams.DownloadResponse(
                            new ByteArrayInputStream(out.toByteArray()),
                            "vendor-assessment-" + id + ".pdf",
                            "application/pdf",
                            out.size());
                }),
                "");
        pdf.setId("report-pdf");
        pdf.getElement().setAttribute("download", true);
        Button button = new Button("Report (PDF)", new Icon(VaadinIcon.FILE_TEXT));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        pdf.add(button);
        downloads.add(pdf);
    }

    private void showQuestions() {
        questions.removeAll();
        comments.clear();
        boolean commenting = mayManage
                && review.assessment().getState() != Assessment.State.APPROVED
                && review.assessment().getState() != Assessment.State.REJECTED;
        long hidden = review.items().stream().filter(i -> !i.shown()).count();
        for (Item item : review.items()) {
            if (item.shown()) {
                questions.add(row(item, commenting));
            }
        }
        if (hidden > 0) {
            questions.add(new Paragraph(
                    hidden + " question(s) were not shown to the vendor: their conditions did not " + "hold."));
        }
    }

    private Component row(Item item, boolean commenting) {
        String qid = item.question().id();
        VerticalLayout question = new VerticalLayout();
        question.setPadding(false);
        question.setSpacing(false);
        question.add(new Span(item.section()));
        Span text = new Span(item.question().text());
        text.getStyle().set("font-weight", "600");
        question.add(text);
        question.add(new Span((item.question().required() ? "Required" : "Optional") + " · weight "
                + item.question().weight() + (item.requirements().isEmpty() ? "" : " · " + item.requirements())));

        VerticalLayout answer = new VerticalLayout();
        answer.setPadding(false);
        answer.setSpacing(false);
        Span given = new Span(item.answered() ? item.answer() : "Not answered");
        given.setId("answer-" + qid);
        if (item.question().type() != dev.aegis.vendor.Questionnaire.QuestionType.FILE || !item.answered()) {
            answer.add(given);
        }
        if (item.score() != null) {
            Span s = new Span("Scores " + item.score() + " of 100"
                    + (item.score() < ShortfallFindings.THRESHOLD ? " — falls short" : ""));
            s.setId("answer-score-" + qid);
            answer.add(s);
        }
        for (ListedFile f : item.files()) {
            answer.add(file(f));
        }
        TextArea comment = new TextArea("Comment");
        comment.setId("comment-" + qid);
        comment.setWidthFull();
        comment.setMaxLength(AssessmentReview.MAX_COMMENT);
        comment.setValue(item.comment() == null ? "" : item.comment().text());
        comment.setReadOnly(!commenting);
        if (item.comment() != null) {
            comment.setHelperText("By " + item.comment().by()
                    + (item.comment().shared() == null
                            ? ""
                            : " · the vendor was shown: “" + item.comment().shared() + "”"));
        }
        comments.put(qid, comment);
        answer.add(comment);
        if (commenting) {
            Button save = new Button("Save comment", e -> saveComment(item, comment.getValue()));
            save.setId("save-comment-" + qid);
            save.addThemeVariants(ButtonVariant.LUMO_SMALL);
            answer.add(save);
        }
        HorizontalLayout row = new HorizontalLayout(question, answer);
        row.setWidthFull();
        question.setWidth("45%");
        answer.setWidth("55%");
        row.getStyle()
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("padding", "0.5rem 0");
        row.setId("question-" + qid);
        return row;
    }

    private Component file(ListedFile f) {
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var content = reviews.file(id, f.id());
                    return new com.vaadin.flow.server.streams.DownloadResponse(
                            new ByteArrayInputStream(content.content()),
                            content.name(),
                            "application/octet-stream",
                            content.content().length);
                }),
                f.name());
        download.getElement().setAttribute("download", true);
        download.setId("file-" + f.id());
        Span hash = new Span("SHA-256 " + f.sha256());
        hash.getStyle()
                .set("font-family", "monospace")
                .set("font-size", "var(--lumo-font-size-xs)")
                .set("word-break", "break-all");
        Div box = new Div(
                download, new Span(" (" + InspectedFile.readableSize(f.size()) + ", " + f.mediaType() + ") "), hash);
        box.addClassName("answer-file");
        return box;
    }

    private void showProposals() {
        proposals.removeAll();
        ticks.clear();
        List<ProposedRisk> proposed = findings.proposals(id);
        List<ShortfallFindings.Finding> found = findings.findings(id);
        if (found.isEmpty()) {
            proposals.add(new Paragraph(
                    "No answer falls short: every scored answer scores " + ShortfallFindings.THRESHOLD + " or more."));
            confirm.setVisible(false);
            return;
        }
        if (proposed.isEmpty()) {
            proposals.add(
                    new Paragraph(found.size() + " answer(s) fall short, but no AI system depends on this vendor: "
                            + "link the systems on the vendor to propose risks for them."));
            confirm.setVisible(false);
            return;
        }
        Assessment.State state = review.assessment().getState();
        boolean confirmable = mayManage && !state.open() && state != Assessment.State.DRAFT;
        for (ProposedRisk p : proposed) {
            Checkbox tick = new Checkbox(p.title() + " — on " + p.system() + " (score " + p.score() + ")");
            tick.setId("propose-" + p.questionId() + "-" + p.systemId());
            if (p.confirmed()) {
                tick.setValue(true);
                tick.setEnabled(false);
                tick.setLabel(tick.getLabel() + " — raised as risk " + p.riskId());
            } else {
                tick.setEnabled(confirmable);
                ticks.put(p.key(), tick);
            }
            proposals.add(new Div(tick));
        }
        confirm.setVisible(confirmable && !ticks.isEmpty());
    }

    void saveComment(Item item, String text) {
        try {
            reviews.writeComment(
                    id,
                    item.question().id(),
                    text,
                    item.comment() == null ? null : item.comment().version());
            notice("Comment saved.", NotificationVariant.LUMO_SUCCESS);
            load();
        } catch (DomainRuleException e) {
            notice(e.getMessage(), NotificationVariant.LUMO_ERROR);
        } catch (OptimisticLockingFailureException e) {
            notice(
                    "Someone else changed this comment meanwhile; it shows as it is now. Your text was: " + text,
                    NotificationVariant.LUMO_WARNING);
            load();
        }
    }

    void decide(String decision) {
        Assessment a = review.assessment();
        String text = note.getValue();
        note.setInvalid(false);
        if (decision.equals("reject") && text.isBlank()) {
            note.setErrorMessage("Say why the assessment is rejected.");
            note.setInvalid(true);
            return;
        }
        try {
            switch (decision) {
                case "return" -> assessments.returnToVendor(id, a.getVersion(), text);
                case "approve" -> assessments.approve(id, a.getVersion(), text);
                default -> assessments.reject(id, a.getVersion(), text);
            }
            note.clear();
            notice(
                    switch (decision) {
                        case "return" ->
                            "Sent back to the vendor: the link works again and the vendor sees your comments.";
                        case "approve" -> "Approved; the score is now the vendor's risk score.";
                        default -> "Rejected.";
                    },
                    NotificationVariant.LUMO_SUCCESS);
        } catch (DomainRuleException e) {
            notice(e.getMessage(), NotificationVariant.LUMO_ERROR);
        } catch (OptimisticLockingFailureException e) {
            notice(
                    "Someone else changed this assessment meanwhile; it shows as it is now. Check it and decide again.",
                    NotificationVariant.LUMO_WARNING);
        }
        load();
    }

    void confirmFindings() {
        List<Key> chosen = new ArrayList<>();
        ticks.forEach((key, box) -> {
            if (box.getValue()) {
                chosen.add(key);
            }
        });
        if (chosen.isEmpty()) {
            notice("Tick the proposed risks to raise first.", NotificationVariant.LUMO_CONTRAST);
            return;
        }
        try {
            int raised = findings.confirm(id, chosen).size();
            notice(
                    raised == 0
                            ? "These were raised already; nothing new."
                            : "Raised " + raised + " risk(s) in the " + "risk register.",
                    NotificationVariant.LUMO_SUCCESS);
        } catch (DomainRuleException e) {
            notice(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        load();
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }
}
