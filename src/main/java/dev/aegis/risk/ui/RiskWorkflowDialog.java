package dev.aegis.risk.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.aegis.inventory.Classification;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One risk and the next steps of its workflow: assess, treat, accept (by an officer other than the owner, with a
 * rationale and an expiry), close, reopen. Only the steps the risk's state and the user's roles allow are offered;
 * the service checks again.
 */
class RiskWorkflowDialog extends Dialog {

    private final transient RiskService risks;
    private final Runnable changed;
    final Paragraph summary = new Paragraph();
    final IntegerField likelihood = scale("Likelihood (1–5)");
    final IntegerField impact = scale("Impact (1–5)");
    final Select<Treatment> treatment = new Select<>();
    final IntegerField residualLikelihood = scale("Residual likelihood");
    final IntegerField residualImpact = scale("Residual impact");
    final TextArea note = new TextArea("Rationale / reason");
    final DatePicker until = new DatePicker("Accepted until");
    final Button assess = new Button("Assess");
    final Button treat = new Button("Treat");
    final Button accept = new Button("Accept");
    final Button close = new Button("Close");
    final Button reopen = new Button("Reopen");
    private Risk risk;

    RiskWorkflowDialog(RiskService risks, Runnable changed) {
        this.risks = risks;
        this.changed = changed;
        setWidth("min(44rem, 95vw)");
        treatment.setLabel("Treatment");
        treatment.setItems(Treatment.MITIGATE, Treatment.TRANSFER, Treatment.AVOID);
        treatment.setItemLabelGenerator(Classification::label);
        note.setId("risk-workflow-note");
        until.setId("risk-workflow-until");
        FormFields.limit(note, Risk.TEXT_MAX);
        FormFields.sensible(until, "The acceptance's expiry");
        until.getI18n().setMinErrorMessage("An acceptance expires on a date in the future.");
        until.setI18n(until.getI18n());
        assess.addClickListener(e -> step(() -> risks.assess(
                risk.getId(),
                risk.getVersion(),
                rated(likelihood, "inherentLikelihood"),
                rated(impact, "inherentImpact"))));
        treat.addClickListener(e -> step(() -> risks.treat(
                risk.getId(),
                risk.getVersion(),
                treatment.getValue(),
                rated(residualLikelihood, "residualLikelihood"),
                rated(residualImpact, "residualImpact"))));
        accept.addClickListener(e -> {
            if (FormFields.holdsInput(until)) {
                step(() -> risks.accept(risk.getId(), risk.getVersion(), note.getValue(), until.getValue()));
            }
        });
        close.addClickListener(e -> step(() -> risks.close(risk.getId(), risk.getVersion())));
        reopen.addClickListener(e -> step(() -> risks.reopen(risk.getId(), risk.getVersion(), note.getValue())));
        FormLayout form =
                new FormLayout(likelihood, impact, treatment, residualLikelihood, residualImpact, until, note);
        form.setColspan(note, 2);
        for (Button b : new Button[] {assess, treat, accept, close, reopen}) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        add(summary, form);
        getFooter().add(new HorizontalLayout(assess, treat, accept, close, reopen, new Button("Done", e -> close())));
        setId("risk-workflow");
    }

    void show(Risk shown) {
        risk = shown;
        setHeaderTitle(shown.getTitle());
        Status s = shown.getStatus();
        summary.setText(Classification.label(shown.getCategory()) + " · " + Classification.label(s) + " · inherent "
                + shown.getInherentScore()
                + (shown.getResidualScore() == null ? "" : " · residual " + shown.getResidualScore())
                + (shown.getAcceptanceExpiresOn() == null ? "" : " · accepted until " + shown.getAcceptanceExpiresOn())
                + (shown.isFlaggedForReassessment()
                        ? " · residual score to reassess: " + shown.getReassessmentReason()
                        : ""));
        likelihood.setValue(shown.getInherentLikelihood());
        impact.setValue(shown.getInherentImpact());
        residualLikelihood.setValue(shown.getResidualLikelihood());
        residualImpact.setValue(shown.getResidualImpact());
        note.clear();
        until.clear();
        until.setMin(LocalDate.now().plusDays(1));
        fields().values().forEach(f -> f.setInvalid(false));
        boolean edit = risks.mayEdit(shown.getId());
        boolean mayAccept = risks.mayAccept(shown.getId());
        assess.setVisible(edit && s == Status.IDENTIFIED);
        treat.setVisible(edit && (s == Status.ASSESSED || (s == Status.TREATED && shown.isFlaggedForReassessment())));
        accept.setVisible(mayAccept && (s == Status.ASSESSED || s == Status.TREATED));
        close.setVisible(edit && (s == Status.TREATED || s == Status.ACCEPTED));
        reopen.setVisible(edit && (s == Status.CLOSED || s == Status.ACCEPTED));
        treatment.setVisible(treat.isVisible());
        residualLikelihood.setVisible(treat.isVisible());
        residualImpact.setVisible(treat.isVisible());
        likelihood.setReadOnly(!assess.isVisible());
        impact.setReadOnly(!assess.isVisible());
        until.setVisible(accept.isVisible());
        note.setVisible(accept.isVisible() || reopen.isVisible());
        open();
    }

    /** The fields by the names the register's rules give in their messages. */
    private Map<String, HasValidation> fields() {
        return Map.of(
                "inherentLikelihood",
                likelihood,
                "inherentImpact",
                impact,
                "treatment",
                treatment,
                "residualLikelihood",
                residualLikelihood,
                "residualImpact",
                residualImpact,
                "rationale",
                note,
                "reason",
                note,
                "expiresOn",
                until);
    }

    /** A rating the person chose; none is refused at the field, as the service would. */
    private static int rated(IntegerField field, String name) {
        if (field.getValue() == null || field.getValue() < 1 || field.getValue() > 5) {
            throw new DomainRuleException(name, "Rate from 1 to 5.");
        }
        return field.getValue();
    }

    private void step(Supplier<Risk> action) {
        fields().values().forEach(f -> f.setInvalid(false));
        try {
            Risk next = action.get();
            Notification.show(
                            next.getTitle() + ": " + Classification.label(next.getStatus()) + ".",
                            3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
            show(next);
        } catch (DomainRuleException e) {
            HasValidation field = e.field() == null ? null : fields().get(e.field());
            if (field != null && ((com.vaadin.flow.component.Component) field).isVisible()) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            } else {
                Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (OptimisticLockingFailureException e) {
            Notification.show(
                            "Someone else changed this risk meanwhile; it has been reloaded.",
                            5000,
                            Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            show(risks.get(risk.getId()));
        }
    }

    private static IntegerField scale(String label) {
        return RiskForm.scale(label);
    }
}
