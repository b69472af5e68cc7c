package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.Acknowledged;
import dev.aegis.aims.AimsDocumentService.AcknowledgementStatus;
import dev.aegis.aims.AimsDocumentService.DocumentView;
import dev.aegis.aims.AimsDocumentService.VersionView;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AimsVocabulary.VersionStatus;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One controlled AIMS document: its reference, owner and retention; the version shown (the one being worked on for
 * officers, else the one in force) with its way through the document control and what it says; the steps the
 * signed-in person may take next; the older versions, readable as they were; and for a policy who has acknowledged
 * the version in force.
 */
@Route("aims/documents")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class DocumentPage extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient AimsDocumentService aims;
    private long id;
    private DocumentView document;
    private VersionView shown;
    final H2 heading = new H2();
    final Div header = new Div();
    final Select<VersionView> versionPicker = new Select<>();
    final HorizontalLayout actions = new HorizontalLayout();
    final Div versionFacts = new Div();
    final Div content = new Div();
    final Div acknowledgements = new Div();

    DocumentPage(AimsDocumentService aims) {
        this.aims = aims;
        setWidthFull();
        versionPicker.setLabel("Version");
        versionPicker.setId("aims-version");
        versionPicker.setItemLabelGenerator(
                v -> "Version " + v.number() + " · " + v.status().inSentence());
        versionPicker.setWidth("16rem");
        versionPicker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        actions.setId("aims-actions");
        actions.setWrap(true);
        HorizontalLayout bar = new HorizontalLayout(versionPicker, actions);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        content.setId("aims-content");
        acknowledgements.setId("aims-acknowledgements");
        acknowledge.addClickListener(e -> {
            try {
                aims.acknowledge(id);
                AimsUi.done("Thank you: your acknowledgement is recorded.");
                showAcknowledgements();
            } catch (DomainRuleException ex) {
                AimsUi.error(ex.getMessage());
            }
        });
        Anchor back = new Anchor("aims/policies", "← Policies");
        back.setId("aims-back");
        add(back, heading, header, bar, versionFacts, content, acknowledgements);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        this.id = parameter == null ? -1 : parameter;
        try {
            reload(null);
        } catch (NotFoundException e) {
            removeAll();
            add(new H2("Document not found"), new Paragraph("There is no such AIMS document, or it is not in force."));
        }
    }

    @Override
    public String getPageTitle() {
        return document == null ? "AIMS document · Aegis" : document.reference() + " " + document.title() + " · Aegis";
    }

    /** Reads the document again and shows the version with this number (or the default one). */
    void reload(Integer number) {
        document = aims.get(id);
        heading.setText(document.reference() + " · " + document.title());
        header.removeAll();
        header.add(AimsUi.facts(
                "Kind",
                document.kind().label(),
                "Owner",
                aims.name(document.owner()),
                "Retention",
                "Kept " + document.retentionYears() + " years after a version ends",
                "Created",
                Dates.minute(document.createdAt()) + " by " + aims.name(document.createdBy())));
        if (document.kind() != DocumentKind.CONTEXT_AND_SCOPE) {
            getChildren()
                    .filter(c -> c instanceof Anchor)
                    .findFirst()
                    .ifPresent(a -> ((Anchor) a).setHref("aims/policies"));
        } else {
            getChildren().filter(c -> c instanceof Anchor).findFirst().ifPresent(a -> {
                ((Anchor) a).setHref("aims/scope");
                ((Anchor) a).setText("← Context and scope");
            });
        }
        versionPicker.setItems(document.versions());
        VersionView pick = number == null
                ? (aims.mayReadRegister() && document.open() != null
                        ? document.open()
                        : document.inForce() != null ? document.inForce() : document.latest())
                : document.versions().stream()
                        .filter(v -> v.number() == number)
                        .findFirst()
                        .orElse(document.latest());
        versionPicker.setValue(pick);
        show(pick);
        showAcknowledgements();
    }

    private void show(VersionView v) {
        shown = v;
        versionFacts.removeAll();
        HorizontalLayout state = new HorizontalLayout(new Span("Version " + v.number()), AimsUi.badge(v.status()));
        state.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        versionFacts.add(
                state,
                AimsUi.facts(
                        "Change",
                        v.changeNote(),
                        "Last edited",
                        when(v.editedAt(), v.editedBy()),
                        "Sent for review",
                        when(v.submittedAt(), v.submittedBy()),
                        "Approved",
                        when(v.approvedAt(), v.approvedBy()),
                        "In force from",
                        v.effectiveFrom() == null ? null : Dates.day(v.effectiveFrom()),
                        "Review by",
                        v.reviewBy() == null ? null : Dates.day(v.reviewBy()),
                        "Published",
                        when(v.publishedAt(), v.publishedBy()),
                        "Ended",
                        v.endedAt() == null ? null : Dates.minute(v.endedAt()) + " — " + v.endReason()));
        content.removeAll();
        if (v.policy() != null) {
            showPolicy(v.policy());
        } else if (v.scope() != null) {
            showScope(v);
        }
        showActions();
    }

    private void showPolicy(PolicyText policy) {
        content.add(new H3("Text"));
        if (policy.appliesTo() != null) {
            content.add(AimsUi.facts("Applies to", policy.appliesTo()));
        }
        content.add(AimsUi.text(policy.text()));
    }

    private void showScope(VersionView v) {
        ContextAndScope s = v.scope();
        content.add(new H3("Scope statement"), AimsUi.text(s.statement()));
        content.add(new H3("In scope"));
        content.add(AimsUi.facts(
                "AI systems",
                v.aiSystems().isEmpty()
                        ? "None named"
                        : String.join(
                                ", ",
                                v.aiSystems().stream()
                                        .map(r -> r.name() == null ? "A removed AI system" : r.name())
                                        .toList()),
                "Units",
                String.join(", ", s.units()),
                "Locations",
                String.join(", ", s.locations())));
        content.add(new H3("Exclusions"));
        content.add(list(
                s.exclusions().stream().map(e -> e.what() + " — " + e.why()).toList(), "Nothing is excluded."));
        content.add(new H3("Context: internal issues"));
        content.add(list(s.internalIssues(), "None recorded."));
        content.add(new H3("Context: external issues"));
        content.add(list(s.externalIssues(), "None recorded."));
        content.add(new H3("Interested parties and their requirements"));
        content.add(list(
                s.interestedParties().stream()
                        .map(p -> p.name() + " — " + p.requirements())
                        .toList(),
                "None recorded."));
    }

    private static Component list(List<String> items, String none) {
        if (items.isEmpty()) {
            return new Paragraph(none);
        }
        UnorderedList ul = new UnorderedList();
        items.forEach(i -> ul.add(new ListItem(i)));
        return ul;
    }

    private String when(Instant at, String who) {
        return at == null ? null : Dates.minute(at) + " by " + aims.name(who);
    }

    // --- the steps

    private void showActions() {
        actions.removeAll();
        if (!aims.mayWrite()) {
            return;
        }
        VersionView v = shown;
        long lock = v.version();
        int n = v.number();
        switch (v.status()) {
            case DRAFT -> {
                actions.add(action("aims-edit", "Edit", VaadinIcon.EDIT, false, this::openEdit));
                actions.add(action(
                        "aims-submit",
                        "Send for review",
                        VaadinIcon.ARROW_FORWARD,
                        true,
                        () -> step(() -> aims.submit(id, n, lock), n, "Sent for review.")));
            }
            case IN_REVIEW -> {
                actions.add(action("aims-approve", "Approve", VaadinIcon.CHECK, true, this::openApprove));
                actions.add(action(
                        "aims-reopen",
                        "Back to draft",
                        VaadinIcon.ARROW_BACKWARD,
                        false,
                        () -> step(() -> aims.reopen(id, n, lock), n, "Back to draft.")));
            }
            case APPROVED -> {
                actions.add(action(
                        "aims-publish",
                        "Publish",
                        VaadinIcon.CHECK_CIRCLE,
                        true,
                        () -> step(() -> aims.publish(id, n, lock), n, "Published: version " + n + " is in force.")));
                actions.add(action(
                        "aims-reopen",
                        "Back to draft",
                        VaadinIcon.ARROW_BACKWARD,
                        false,
                        () -> step(() -> aims.reopen(id, n, lock), n, "Back to draft.")));
            }
            default -> {}
        }
        if (document.open() == null
                && document.versions().stream().noneMatch(x -> x.status() == VersionStatus.WITHDRAWN)) {
            actions.add(action(
                    "aims-new-version",
                    "Start a new version",
                    VaadinIcon.COPY,
                    false,
                    () -> step(
                            () -> aims.newVersion(id, null),
                            null,
                            "A new draft version was started from the latest.")));
        }
        actions.add(action("aims-details", "Edit the details", VaadinIcon.COG, false, this::openDetails));
        if (document.inForce() != null || document.open() != null) {
            actions.add(action("aims-withdraw", "Withdraw", VaadinIcon.BAN, false, this::openWithdraw));
        }
    }

    private static Button action(String id, String label, VaadinIcon icon, boolean primary, Runnable run) {
        Button b = new Button(label, new Icon(icon), e -> run.run());
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    /** Runs a step and shows the version it concerned (the latest when null); a refusal is shown as it is. */
    private boolean step(Supplier<DocumentView> run, Integer number, String done) {
        try {
            run.get();
            AimsUi.done(done);
            reload(number);
            return true;
        } catch (DomainRuleException e) {
            AimsUi.error(e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            AimsUi.error("Someone else changed this document meanwhile; it shows their changes now. " + e.getMessage());
            reload(number);
        }
        return false;
    }

    final Dialog approveDialog = new Dialog("Approve");
    final DatePicker effectiveFrom = FormFields.sensible(new DatePicker("In force from"), "The effective date");
    final DatePicker reviewBy = FormFields.sensible(new DatePicker("Review by"), "The review date");

    void openApprove() {
        approveDialog.removeAll();
        approveDialog.getFooter().removeAll();
        effectiveFrom.setValue(java.time.LocalDate.now());
        effectiveFrom.setInvalid(false);
        reviewBy.setValue(java.time.LocalDate.now().plusYears(1));
        reviewBy.setInvalid(false);
        Paragraph rule = new Paragraph("You approve version " + shown.number() + " as it reads now. Someone other "
                + "than its last editor must approve it (four-eyes rule).");
        approveDialog.add(new VerticalLayout(rule, effectiveFrom, reviewBy));
        Button confirm = new Button("Approve");
        confirm.setId("aims-confirm-approve");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        int n = shown.number();
        long lock = shown.version();
        confirm.addClickListener(e -> {
            if (!FormFields.holdsInput(effectiveFrom) || !FormFields.holdsInput(reviewBy)) {
                return;
            }
            try {
                aims.approve(id, n, lock, effectiveFrom.getValue(), reviewBy.getValue());
                approveDialog.close();
                AimsUi.done("Approved. Publish it to put it in force.");
                reload(n);
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("effectiveFrom", effectiveFrom, "reviewBy", reviewBy));
            } catch (OptimisticLockingFailureException ex) {
                approveDialog.close();
                AimsUi.error("Someone changed this version meanwhile; read it again before approving.");
                reload(n);
            }
        });
        approveDialog.getFooter().add(new Button("Cancel", e -> approveDialog.close()), confirm);
        approveDialog.open();
    }

    final Dialog editDialog = new Dialog("Edit the draft");

    void openEdit() {
        editDialog.removeAll();
        editDialog.getFooter().removeAll();
        TextField note = FormFields.limit(new TextField("What changed (for the version history)"), 500);
        note.setWidthFull();
        note.setValue(shown.changeNote() == null ? "" : shown.changeNote());
        Button save = new Button("Save");
        save.setId("aims-save-edit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        int n = shown.number();
        long lock = shown.version();
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.setWidth("min(48rem, 90vw)");
        Map<String, Component> fields = new HashMap<>();
        Supplier<DocumentView> run;
        if (shown.policy() != null) {
            TextField appliesTo = FormFields.limit(new TextField("Applies to"), 500);
            appliesTo.setWidthFull();
            appliesTo.setValue(
                    shown.policy().appliesTo() == null ? "" : shown.policy().appliesTo());
            TextArea text = FormFields.limit(new TextArea("Policy text"), 20_000);
            text.setValue(shown.policy().text());
            text.setMinHeight("10em");
            form.add(appliesTo, text, note);
            fields.put("text", text);
            fields.put("appliesTo", appliesTo);
            run = () -> aims.editPolicy(
                    id, n, lock, new PolicyText(text.getValue(), appliesTo.getValue()), note.getValue());
            FormFields.submitOnEnter(save, appliesTo, note);
        } else {
            ScopeFields scope = new ScopeFields(aims);
            scope.fill(shown.scope(), shown.aiSystems());
            form.add(scope.components());
            form.add(note);
            fields.putAll(scope.byField());
            run = () -> aims.editScope(id, n, lock, scope.read(), note.getValue());
            FormFields.submitOnEnter(save, note);
        }
        editDialog.add(form);
        save.addClickListener(e -> {
            try {
                run.get();
                editDialog.close();
                AimsUi.done("Draft saved.");
                reload(n);
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, fields);
            } catch (OptimisticLockingFailureException ex) {
                AimsUi.error("Someone else saved this draft meanwhile. Your text is still in the form: copy it, "
                        + "close the dialog to see theirs, and edit again.");
            }
        });
        editDialog.getFooter().add(new Button("Cancel", e -> editDialog.close()), save);
        editDialog.open();
    }

    final Dialog detailsDialog = new Dialog("Edit the details");

    void openDetails() {
        detailsDialog.removeAll();
        detailsDialog.getFooter().removeAll();
        DetailsFields details = new DetailsFields(aims);
        details.fill(document.title(), document.owner(), document.retentionYears());
        VerticalLayout form = new VerticalLayout(details.components());
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        detailsDialog.add(form);
        Button save = new Button("Save");
        save.setId("aims-save-details");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        long lock = document.version();
        save.addClickListener(e -> {
            try {
                aims.describe(id, lock, details.read());
                detailsDialog.close();
                AimsUi.done("Details saved.");
                reload(shown.number());
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, details.byField());
            } catch (OptimisticLockingFailureException ex) {
                detailsDialog.close();
                AimsUi.error("Someone else changed the details meanwhile; they are shown now.");
                reload(shown.number());
            }
        });
        FormFields.submitOnEnter(save, details.title);
        detailsDialog.getFooter().add(new Button("Cancel", e -> detailsDialog.close()), save);
        detailsDialog.open();
    }

    final Dialog withdrawDialog = new Dialog("Withdraw the document");

    void openWithdraw() {
        withdrawDialog.removeAll();
        withdrawDialog.getFooter().removeAll();
        TextField reason = FormFields.limit(new TextField("Why is it withdrawn?"), 500);
        reason.setWidth("min(32rem, 80vw)");
        reason.setRequiredIndicatorVisible(true);
        withdrawDialog.add(new Paragraph("The version in force and any draft end now; all versions are kept."), reason);
        Button confirm = new Button("Withdraw");
        confirm.setId("aims-confirm-withdraw");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                aims.withdraw(id, reason.getValue());
                withdrawDialog.close();
                AimsUi.done(document.reference() + " withdrawn.");
                reload(null);
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("reason", reason));
            }
        });
        FormFields.submitOnEnter(confirm, reason);
        withdrawDialog.getFooter().add(new Button("Cancel", e -> withdrawDialog.close()), confirm);
        withdrawDialog.open();
    }

    // --- acknowledgements

    final Button acknowledge = new Button();

    private void showAcknowledgements() {
        acknowledgements.removeAll();
        if (!document.kind().isPolicy() || document.inForce() == null) {
            return;
        }
        AcknowledgementStatus status = aims.acknowledgements(id);
        acknowledgements.add(new H3("Acknowledgements of version " + status.versionNumber()));
        if (status.mine()) {
            Span mine = new Span("You have acknowledged version " + status.versionNumber() + ".");
            mine.setId("aims-acknowledged");
            acknowledgements.add(new Paragraph(mine));
        } else {
            acknowledge.setText("I have read version " + status.versionNumber() + " and will follow it");
            acknowledge.setId("aims-acknowledge");
            acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            acknowledgements.add(acknowledge);
        }
        if (!aims.mayReadRegister()) {
            return;
        }
        Paragraph rate = new Paragraph(status.acknowledged().size() + " of "
                + (status.acknowledged().size() + status.pending().size()) + " people (" + status.percent()
                + " %) have acknowledged version " + status.versionNumber() + ".");
        rate.setId("aims-acknowledgement-rate");
        Grid<Person> pending = new Grid<>();
        pending.setId("aims-pending");
        pending.addColumn(Person::label).setHeader("Not acknowledged yet");
        pending.setItems(status.pending());
        pending.setAllRowsVisible(true);
        pending.setEmptyStateText("Everyone has acknowledged this version.");
        Grid<Acknowledged> done = new Grid<>();
        done.setId("aims-done");
        done.addColumn(Acknowledged::name).setHeader("Acknowledged by").setFlexGrow(2);
        done.addColumn(a -> Dates.minute(a.at()))
                .setHeader("On")
                .setAutoWidth(true)
                .setFlexGrow(0);
        done.setItems(status.acknowledged());
        done.setAllRowsVisible(true);
        done.setEmptyStateText("Nobody has acknowledged this version yet.");
        pending.setWidth("min(24rem, 100%)");
        done.setWidth("min(36rem, 100%)");
        done.getColumns().getFirst().setWidth("14rem");
        HorizontalLayout both = new HorizontalLayout(pending, done);
        both.setWidthFull();
        both.setWrap(true);
        Details who = new Details("Who has and who has not", both);
        who.setOpened(true);
        who.setWidthFull();
        acknowledgements.add(rate, who);
    }
}
