package dev.aegis.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.inventory.Classification;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.ui.RiskForm.SystemRef;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import jakarta.validation.Validator;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Raising and editing a risk in a dialog around a {@link RiskForm}. An edit is saved against the version the user
 * read; when someone saved in between, the dialog says who and when, lists what they changed field by field next to
 * the user's own value, keeps the user's input, and offers to reload the current risk or to save the input over it.
 */
class RiskEditor extends Dialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final transient RiskService risks;
    private final transient Validator validator;
    private final transient RiskForm.Choices choices;
    private final transient Consumer<Risk> saved;
    final RiskForm form;
    final Paragraph note = new Paragraph();
    /** Shown while a finding has put the residual score in doubt. */
    final com.vaadin.flow.component.html.Span reassess = RisksView.reassessBadge();

    final Div conflict = new Div();
    final Paragraph conflictSummary = new Paragraph();
    final Grid<Change> changes = new Grid<>(Change.class, false);
    final Button reload = new Button("Discard mine, show theirs");
    final Button reapply = new Button("Save mine over theirs");
    final Button workflow = new Button("Workflow: assess, treat, accept…");
    /** The risk as the user read it; null while raising a new one. */
    Risk editing;

    /** One field someone else changed: as the user read it, as it is now, and what the user entered. */
    record Change(String field, String read, String now, String yours) {}

    RiskEditor(RiskService risks, RiskForm.Choices choices, Validator validator, Consumer<Risk> saved) {
        this.risks = risks;
        this.validator = validator;
        this.choices = choices;
        this.saved = saved;
        this.form = new RiskForm(choices);
        setId("risk-dialog");
        setWidth("min(52rem, 95vw)");
        configureConflict();
        form.addSaveListener(e -> save(e.details()));
        form.addCancelListener(e -> close());
        note.setId("risk-note");
        workflow.setId("risk-open-workflow");
        workflow.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getHeader().add(workflow);
        add(conflict, reassess, note, form);
        getFooter().add(form.buttons());
    }

    private void configureConflict() {
        conflict.setId("risk-conflict");
        conflict.addClassNames("aegis-conflict");
        changes.addColumn(Change::field).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(Change::read).setHeader("When you opened it").setFlexGrow(1);
        changes.addColumn(Change::now).setHeader("Now").setFlexGrow(1);
        changes.addColumn(Change::yours).setHeader("Yours").setFlexGrow(1);
        changes.setAllRowsVisible(true);
        reload.setId("risk-conflict-reload");
        reapply.setId("risk-conflict-reapply");
        reapply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reload.addClickListener(e -> edit(risks.get(editing.getId())));
        reapply.addClickListener(e -> {
            // what the form holds now: the input kept after the conflict, and whatever the user changed since
            editing = risks.get(editing.getId());
            conflict.setVisible(false);
            save(form.read());
        });
        conflict.add(conflictSummary, changes, new HorizontalLayout(reload, reapply));
        conflict.setVisible(false);
    }

    /** Opens the form for a new risk, filled with what the caller already knows (a system, a threat). */
    void raise(RiskDetails prefilled) {
        editing = null;
        conflict.setVisible(false);
        workflow.setVisible(false);
        note.setVisible(false);
        reassess.setVisible(false);
        setHeaderTitle("Raise a risk");
        form.save.setText("Raise risk");
        form.show(prefilled, true);
        open();
    }

    /** Opens the risk's details, editable if the user may change it and it is not closed. */
    void edit(Risk risk) {
        editing = risk;
        conflict.setVisible(false);
        setHeaderTitle(risk.getTitle());
        boolean mayEdit = risks.mayEdit(risk.getId());
        // the workflow's steps (assess, treat, accept, close, reopen) are for who may take one: not auditors, vendor
        // managers or owners of other systems
        workflow.setVisible(mayEdit || risks.mayAccept(risk.getId()));
        boolean closed = risk.getStatus() == Status.CLOSED;
        note.setText(Classification.label(risk.getStatus()) + " · inherent " + risk.getInherentScore()
                + (risk.getResidualScore() == null ? "" : " · residual " + risk.getResidualScore())
                + (mayEdit && closed
                        ? " · A closed risk is reopened (Workflow) before its details change."
                        : mayEdit ? "" : " · You may read this risk but not change it."));
        note.setVisible(true);
        reassess.setVisible(risk.isFlaggedForReassessment());
        reassess.getElement()
                .setAttribute(
                        "title",
                        risk.isFlaggedForReassessment()
                                ? risk.getReassessmentReason() + " (since " + risk.getReassessmentFlaggedAt() + ")"
                                : "");
        form.save.setText("Save");
        form.show(risk.details(), mayEdit && !closed);
        open();
    }

    void save(RiskDetails details) {
        form.clearErrors();
        var violations = validator.validate(details);
        if (!violations.isEmpty()) {
            violations.forEach(v -> form.showError(v.getPropertyPath().toString(), FormFields.message(v)));
            return;
        }
        try {
            Risk risk = editing == null
                    ? risks.identify(details)
                    : risks.update(editing.getId(), editing.getVersion(), details);
            close();
            Notification.show(
                            (editing == null ? "Raised “" : "Saved “") + risk.getTitle() + "”.",
                            3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            editing = risk;
            saved.accept(risk);
        } catch (DomainRuleException e) {
            if (!form.showError(e.field(), e.getMessage())) {
                error(e.getMessage());
            }
        } catch (OptimisticLockingFailureException e) {
            showConflict(details);
        } catch (AccessDeniedException e) {
            error(e.getMessage());
        }
    }

    /** Someone saved the risk after this user opened it: show who, when and what, and keep the user's input. */
    private void showConflict(RiskDetails mine) {
        Risk fresh = risks.get(editing.getId());
        List<Change> list = changes(editing, fresh, mine);
        conflictSummary.setText((fresh.getUpdatedBy() == null ? "Someone" : fresh.getUpdatedBy())
                + " saved this risk"
                + (fresh.getUpdatedAt() == null
                        ? ""
                        : " at " + WHEN.format(fresh.getUpdatedAt().atZone(ZoneId.systemDefault())))
                + " while you were editing it. "
                + (list.isEmpty() ? "The details you edit are unchanged." : "They changed what is listed below.")
                + " Your input is kept in the form: show theirs, or save yours over theirs.");
        changes.setItems(list);
        changes.setVisible(!list.isEmpty());
        conflict.setVisible(true);
        form.show(mine, true);
    }

    /** The fields that differ between the copy the user read and the current risk. */
    List<Change> changes(Risk read, Risk now, RiskDetails mine) {
        RiskDetails a = read.details();
        RiskDetails b = now.details();
        List<Change> out = new ArrayList<>();
        compare(out, "Status", read.getStatus(), now.getStatus(), null, Classification::label);
        compare(out, "Title", a.title(), b.title(), mine.title(), s -> s);
        compare(out, "Description", a.description(), b.description(), mine.description(), s -> s);
        compare(out, "Category", a.category(), b.category(), mine.category(), Classification::label);
        compare(out, "AI systems", a.systems(), b.systems(), mine.systems(), this::systemNames);
        compare(out, "Threats", a.threats(), b.threats(), mine.threats(), this::refIds);
        compare(out, "Requirements", a.requirements(), b.requirements(), mine.requirements(), this::refIds);
        compare(
                out,
                "Likelihood",
                a.inherentLikelihood(),
                b.inherentLikelihood(),
                mine.inherentLikelihood(),
                String::valueOf);
        compare(out, "Impact", a.inherentImpact(), b.inherentImpact(), mine.inherentImpact(), String::valueOf);
        compare(out, "Owner", a.owner(), b.owner(), mine.owner(), s -> s);
        compare(out, "Due date", a.dueDate(), b.dueDate(), mine.dueDate(), Object::toString);
        return out;
    }

    private static <T> void compare(List<Change> out, String field, T read, T now, T mine, Function<T, String> text) {
        if (!Objects.equals(blankToNull(read), blankToNull(now))) {
            out.add(new Change(
                    field,
                    show(read, text),
                    show(now, text),
                    mine == null && field.equals("Status") ? "–" : show(mine, text)));
        }
    }

    private static Object blankToNull(Object o) {
        return o instanceof String s && s.isBlank() ? null : o instanceof Collection<?> c && c.isEmpty() ? null : o;
    }

    private static <T> String show(T value, Function<T, String> text) {
        Object v = blankToNull(value);
        return v == null ? "(empty)" : text.apply(value);
    }

    private String systemNames(Set<Long> ids) {
        return choices.systemsById(ids).stream().map(SystemRef::name).sorted().collect(Collectors.joining(", "));
    }

    private String refIds(Set<Long> ids) {
        return choices.requirementsById(ids).stream()
                .map(RequirementSummary::refId)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
