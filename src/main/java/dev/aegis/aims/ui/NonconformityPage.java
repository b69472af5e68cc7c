package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.CorrectionVocabulary.NcStatus;
import dev.aegis.aims.NonconformityService;
import dev.aegis.aims.NonconformityService.ActionPlan;
import dev.aegis.aims.NonconformityService.ActionView;
import dev.aegis.aims.NonconformityService.NcView;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One nonconformity or improvement opportunity: where it came from, containment and root cause, its corrective actions
 * with owners and due dates, and the effectiveness check by someone who owns none of the actions.
 */
@Route("aims/nonconformity")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class NonconformityPage extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient NonconformityService ncs;
    private final transient AimsDocumentService aims;
    private NcView nc;
    final H2 heading = new H2();
    final Div facts = new Div();
    final HorizontalLayout buttons = new HorizontalLayout();
    final Div treatment = new Div();
    final Grid<ActionView> actions = new Grid<>();
    final Paragraph actionsEmpty = new Paragraph();
    final Div effectiveness = new Div();

    NonconformityPage(NonconformityService ncs, AimsDocumentService aims) {
        this.ncs = ncs;
        this.aims = aims;
        setWidthFull();
        buttons.setWrap(true);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        buttons.setId("aims-nc-actions");
        actions.setId("aims-corrective-actions");
        actions.setAllRowsVisible(true);
        actions.getElement().getThemeList().add("wrap-cell-content");
        actions.addColumn(ActionView::description)
                .setHeader("Action")
                .setWidth("16rem")
                .setFlexGrow(4);
        actions.addColumn(ActionView::ownerName)
                .setHeader("Owner")
                .setWidth("9rem")
                .setFlexGrow(1);
        actions.addColumn(a -> Dates.day(a.due()) + (a.overdue() ? " (overdue)" : ""))
                .setHeader("Due")
                .setAutoWidth(true)
                .setFlexGrow(0);
        actions.addColumn(a -> a.doneAt() == null
                        ? "Open"
                        : "Done " + Dates.minute(a.doneAt()) + (a.doneNote() == null ? "" : ": " + a.doneNote()))
                .setHeader("State")
                .setWidth("12rem")
                .setFlexGrow(2);
        actions.addComponentColumn(this::doneButton)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Anchor back = new Anchor("aims/nonconformities", "← Nonconformities");
        add(
                back,
                heading,
                facts,
                buttons,
                treatment,
                new H3("Corrective actions"),
                actionsEmpty,
                actions,
                effectiveness);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        try {
            nc = ncs.get(parameter == null ? -1 : parameter);
            show();
        } catch (NotFoundException e) {
            removeAll();
            add(new H2("Not found"), new Paragraph("There is no such nonconformity."));
        }
    }

    @Override
    public String getPageTitle() {
        return (nc == null ? "Nonconformity" : nc.reference() + " " + nc.title()) + " · Aegis";
    }

    void show() {
        heading.setText(nc.reference() + " · " + nc.title());
        facts.removeAll();
        facts.add(
                NonconformitiesView.badge(nc.status()),
                AimsUi.facts(
                        "Kind",
                        nc.kind().label(),
                        "Raised from",
                        nc.sourceLabel() == null ? nc.source().label() : nc.sourceLabel(),
                        "Raised",
                        Dates.minute(nc.raisedAt()) + " by " + nc.raisedBy(),
                        "Owner",
                        nc.ownerName(),
                        "Closed",
                        nc.closedAt() == null ? null : Dates.minute(nc.closedAt())),
                AimsUi.text(nc.description()));
        treatment.removeAll();
        treatment.add(
                new H3("Containment and root cause"),
                AimsUi.facts(
                        "Containment", nc.containment() == null ? "Not recorded yet" : nc.containment(),
                        "Root cause", nc.rootCause() == null ? "Not recorded yet" : nc.rootCause()));
        actions.setItems(nc.actions());
        actions.setVisible(!nc.actions().isEmpty());
        actionsEmpty.setVisible(nc.actions().isEmpty());
        actionsEmpty.setText(
                ncs.mayWrite() && nc.status() != NcStatus.CLOSED
                        ? "No corrective action yet. Add an action: what is done, by whom, by when."
                        : "No corrective action.");
        effectiveness.removeAll();
        if (nc.effectivenessAt() != null) {
            effectiveness.add(
                    new H3("Effectiveness check"),
                    AimsUi.facts(
                            "Checked",
                            Dates.minute(nc.effectivenessAt()) + " by " + nc.effectivenessBy(),
                            "Result",
                            nc.status() == NcStatus.CLOSED ? "Effective: closed" : "Not effective yet",
                            "How",
                            nc.effectivenessNote()));
        }
        buttons.removeAll();
        if (ncs.mayWrite() && nc.status() != NcStatus.CLOSED) {
            buttons.add(button("aims-nc-treat", "Containment and root cause", VaadinIcon.EDIT, false, this::openTreat));
            buttons.add(button("aims-nc-add-action", "Add an action", VaadinIcon.PLUS, false, this::openAction));
            buttons.add(button("aims-nc-check", "Check effectiveness", VaadinIcon.CHECK, true, this::openCheck));
        }
    }

    private Component doneButton(ActionView a) {
        boolean mine = a.owner().equalsIgnoreCase(Actors.current());
        if (a.doneAt() != null || nc.status() == NcStatus.CLOSED || !(mine || ncs.mayWrite())) {
            return new Div();
        }
        Button b = new Button("Mark done", e -> {
            Dialog d = new Dialog("Mark the action done");
            TextArea note = FormFields.limit(new TextArea("What was done"), 2000);
            note.setWidth("min(32rem, 90vw)");
            d.add(note);
            Button ok = new Button("Done", x -> {
                act(() -> ncs.actionDone(nc.id(), a.id(), a.version(), note.getValue()), "Action done.");
                d.close();
            });
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            d.getFooter().add(new Button("Cancel", x -> d.close()), ok);
            d.open();
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private static Button button(String id, String text, VaadinIcon icon, boolean primary, Runnable action) {
        Button b = new Button(text, new Icon(icon), e -> action.run());
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    private boolean act(Supplier<NcView> step, String done) {
        try {
            nc = step.get();
            AimsUi.done(done);
            show();
            return true;
        } catch (DomainRuleException ex) {
            AimsUi.error(ex.getMessage());
        } catch (OptimisticLockingFailureException ex) {
            AimsUi.error("Someone else changed this meanwhile; the page shows it now.");
            nc = ncs.get(nc.id());
            show();
        }
        return false;
    }

    void openTreat() {
        Dialog d = new Dialog("Containment and root cause");
        TextArea containment = FormFields.limit(new TextArea("Containment: what was done at once"), 4000);
        TextArea rootCause = FormFields.limit(new TextArea("Root cause"), 4000);
        containment.setValue(nc.containment() == null ? "" : nc.containment());
        rootCause.setValue(nc.rootCause() == null ? "" : nc.rootCause());
        VerticalLayout form = new VerticalLayout(containment, rootCause);
        containment.setWidthFull();
        rootCause.setWidthFull();
        form.setPadding(false);
        form.setWidth("min(40rem, 90vw)");
        d.add(form);
        Button save = new Button("Save", e -> {
            if (act(() -> ncs.treat(nc.id(), nc.version(), containment.getValue(), rootCause.getValue()), "Saved.")) {
                d.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void openAction() {
        Dialog d = new Dialog("Add a corrective action");
        TextArea what = FormFields.limit(new TextArea("Action"), 2000);
        ComboBox<String> owner = FormFields.people("Owner", aims.people());
        DatePicker due = FormFields.sensible(new DatePicker("Due"), "The due date");
        due.setValue(LocalDate.now().plusWeeks(4));
        what.setWidthFull();
        owner.setWidthFull();
        VerticalLayout form = new VerticalLayout(what, owner, due);
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        d.add(form);
        Button save = new Button("Add", e -> {
            if (!FormFields.holdsInput(due)) {
                return;
            }
            try {
                nc = ncs.addAction(nc.id(), new ActionPlan(what.getValue(), owner.getValue(), due.getValue()));
                d.close();
                AimsUi.done("Action added.");
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.<String, Component>of("description", what, "owner", owner, "due", due));
            }
        });
        save.setId("aims-save-action");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void openCheck() {
        Dialog d = new Dialog("Check effectiveness of " + nc.reference());
        Checkbox effective = new Checkbox("The corrective actions were effective: close it");
        effective.setValue(true);
        TextArea how = FormFields.limit(new TextArea("How you checked"), 4000);
        how.setWidthFull();
        Paragraph rule = new Paragraph(
                nc.ownsAnAction(Actors.current())
                        ? "You own one of the actions: someone else must check their effectiveness."
                        : "Someone who owns none of the actions checks their effectiveness (ISO/IEC 42001 10.2).");
        VerticalLayout form = new VerticalLayout(rule, effective, how);
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        d.add(form);
        Button save = new Button("Save", e -> {
            try {
                nc = ncs.checkEffectiveness(nc.id(), nc.version(), effective.getValue(), how.getValue());
                d.close();
                AimsUi.done(nc.status() == NcStatus.CLOSED ? "Closed." : "Recorded: still in treatment.");
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.<String, Component>of("effectivenessNote", how));
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                nc = ncs.get(nc.id());
                show();
            }
        });
        save.setId("aims-save-check-effectiveness");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
