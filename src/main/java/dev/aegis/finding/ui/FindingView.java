package dev.aegis.finding.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.control.ControlService;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.finding.FindingWorkflow;
import dev.aegis.finding.Occurrence;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.MetricVocabulary;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One finding ({@code findings/<id>}): its AI system, control and risks (links), its cause, the timeline of its figure
 * against the threshold as a chart and a list, and the workflow steps the signed-in user may take, each asking for
 * what it needs (field by field) and refused when someone else changed the finding meanwhile.
 */
@Route("findings/:id(\\d+)")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER"})
public class FindingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient FindingService findings;
    private final transient FindingWorkflow workflow;
    private final transient AiSystemService systems;
    private final transient ControlService controls;
    private final transient RiskService risks;
    final H2 title = new H2();
    final Div badges = new Div();
    final Div facts = new Div();
    final Html chart = new Html("<div></div>");
    final Grid<Occurrence> timeline = new Grid<>(Occurrence.class, false);
    final Button investigate = new Button("Investigate");
    final Button resolve = new Button("Resolve…");
    final Button accept = new Button("Accept…");
    final Button reopen = new Button("Reopen…");
    final Button raiseNc = new Button("Raise a nonconformity");
    final Paragraph actionsNote = new Paragraph();
    final Paragraph missing = new Paragraph();
    private final VerticalLayout body = new VerticalLayout();
    Finding finding;
    StepDialog dialog;
    private String pageTitle = "Finding · Aegis";

    FindingView(
            FindingService findings,
            FindingWorkflow workflow,
            AiSystemService systems,
            ControlService controls,
            RiskService risks) {
        this.findings = findings;
        this.workflow = workflow;
        this.systems = systems;
        this.controls = controls;
        this.risks = risks;
        setId("finding");
        title.setId("finding-title");
        badges.addClassNames("aegis-finding-badges");
        badges.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        configureTimeline();
        configureActions();
        body.setPadding(false);
        body.add(
                badges,
                facts,
                new H3("Workflow"),
                actionsNote,
                new HorizontalLayout(investigate, resolve, accept, reopen, raiseNc),
                new H3("Timeline"),
                chart,
                timeline);
        missing.setVisible(false);
        add(new RouterLink("← All findings", FindingsView.class), title, missing, body);
        addDetachListener(e -> {
            if (dialog != null) {
                dialog.close();
            }
        });
    }

    private void configureTimeline() {
        timeline.setId("finding-timeline");
        timeline.addColumn(o -> FindingLabels.when(o.getAt())).setHeader("When").setAutoWidth(true);
        timeline.addColumn(o -> o.getKind() == OccurrenceKind.BREACH ? "Breach" : "Recovery")
                .setHeader("What")
                .setAutoWidth(true);
        timeline.addColumn(o -> o.getFigure() == null ? "–" : FindingCharts.label(o.getFigure()))
                .setHeader("Figure");
        timeline.addColumn(o -> o.getThreshold() == null ? "–" : FindingCharts.label(o.getThreshold()))
                .setHeader("Threshold");
        timeline.addColumn(o -> o.getWindowStart() == null
                        ? "–"
                        : FindingLabels.when(o.getWindowStart()) + " – " + FindingLabels.when(o.getWindowEnd()))
                .setHeader("Window")
                .setFlexGrow(2);
        timeline.addColumn(o -> o.getSampleSize() == null ? "–" : String.valueOf(o.getSampleSize()))
                .setHeader("Sample");
        timeline.setAllRowsVisible(true);
        timeline.setWidthFull();
    }

    private void configureActions() {
        investigate.setId("finding-investigate");
        resolve.setId("finding-resolve");
        accept.setId("finding-accept");
        reopen.setId("finding-reopen");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        investigate.addClickListener(e -> openStep(Step.INVESTIGATE));
        resolve.addClickListener(e -> openStep(Step.RESOLVE));
        accept.addClickListener(e -> openStep(Step.ACCEPT));
        reopen.addClickListener(e -> openStep(Step.REOPEN));
        // officers correct what a finding shows as an AIMS nonconformity (ISO/IEC 42001 10.2); the AIMS screen opens
        // its form prefilled from the finding (by route name: the finding module does not depend on the AIMS one)
        raiseNc.setId("finding-raise-nc");
        raiseNc.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        raiseNc.setVisible(dev.aegis.shared.Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER"));
        raiseNc.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                "aims/nonconformities",
                com.vaadin.flow.router.QueryParameters.of("telemetryFinding", String.valueOf(finding.getId())))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        try {
            show(findings.get(id));
        } catch (NotFoundException e) {
            finding = null;
            title.setText("No such finding");
            body.setVisible(false);
            missing.setText("There is no finding " + id + " you may read. Find it in the findings register.");
            missing.setVisible(true);
        }
    }

    void show(Finding f) {
        finding = f;
        pageTitle = f.getTitle() + " · Aegis";
        title.setText(f.getTitle());
        body.setVisible(true);
        missing.setVisible(false);
        badges.removeAll();
        badges.add(FindingLabels.severity(f.getSeverity()), FindingLabels.state(f.getState()));
        if (f.isRecovered()) {
            Span recovered = new Span("Recovered " + FindingLabels.when(f.getRecoveredAt())
                    + (f.getRecoveredFigure() == null ? "" : " (" + FindingCharts.label(f.getRecoveredFigure()) + ")"));
            recovered.setId("finding-recovered");
            recovered.addClassNames("aegis-badge");
            recovered.getStyle().set("background", FindingCharts.RECOVERY).set("color", "#fff");
            badges.add(recovered);
        }
        showFacts(f);
        List<Occurrence> points = findings.occurrences(f.getId());
        chart.setHtmlContent("<div class='aegis-chart-box'>"
                + FindingCharts.timeline(
                        (f.getMetric() == null ? "Figure" : MetricVocabulary.metric(f.getMetric(), f.getSubject()))
                                + " against the threshold",
                        points,
                        f.getThreshold())
                + "</div>");
        timeline.setItems(points.reversed());
        showActions(f);
    }

    private void showFacts(Finding f) {
        facts.removeAll();
        FormLayout form = new FormLayout();
        String systemName =
                systems.names(List.of(f.getSystemId())).getOrDefault(f.getSystemId(), "#" + f.getSystemId());
        Anchor system = new Anchor("systems/" + f.getSystemId(), systemName);
        system.setId("finding-system");
        form.addFormItem(system, "AI system");
        if (f.getControlId() != null) {
            String control;
            try {
                control = controls.get(f.getControlId()).getTitle();
            } catch (NotFoundException e) {
                control = "Control " + f.getControlId() + " (removed)";
            }
            Anchor link = new Anchor("controls", control);
            link.setId("finding-control");
            form.addFormItem(link, "Control");
        }
        Div riskLinks = new Div();
        riskLinks.setId("finding-risks");
        for (Long riskId : f.getRisks()) {
            String riskTitle;
            try {
                riskTitle = risks.get(riskId).getTitle();
            } catch (NotFoundException e) {
                riskTitle = "Risk " + riskId + " (removed)";
            }
            Anchor link = new Anchor("risks?risk=" + riskId, riskTitle);
            link.getStyle().set("display", "block");
            riskLinks.add(link);
        }
        if (f.getRisks().isEmpty()) {
            riskLinks.setText(
                    f.getControlId() == null
                            ? "None: a monitor alert names no control."
                            : "None: the control mitigates no risk of this system. Map it to the system's risks in the controls"
                                    + " library.");
        }
        form.addFormItem(riskLinks, "Risks (residual scores to reassess)");
        form.addFormItem(new Span(cause(f)), "Cause");
        form.addFormItem(
                new Span(FindingLabels.when(f.getFirstSeen()) + " · last " + FindingLabels.when(f.getLastSeen()) + " · "
                        + f.getOccurrences() + (f.getOccurrences() == 1 ? " breach" : " breaches")),
                "First seen");
        if (f.getInvestigatedBy() != null) {
            form.addFormItem(
                    new Span(f.getInvestigatedBy() + ", " + FindingLabels.when(f.getInvestigatedAt())
                            + (f.getInvestigationNote() == null ? "" : ": " + f.getInvestigationNote())),
                    "Investigated by");
        }
        if (f.getResolvedBy() != null) {
            form.addFormItem(new Span(f.getRootCause()), "Root cause");
            form.addFormItem(new Span(f.getActionTaken()), "Action taken");
            form.addFormItem(new Span(f.getResolvedBy() + ", " + FindingLabels.when(f.getResolvedAt())), "Resolved by");
        }
        if (f.getAcceptedBy() != null) {
            form.addFormItem(new Span(f.getAcceptanceRationale()), "Accepted because");
            form.addFormItem(new Span(f.getAcceptedBy() + ", " + FindingLabels.when(f.getAcceptedAt())), "Approved by");
        }
        if (f.getReopenReason() != null && f.getState().isOpen()) {
            form.addFormItem(
                    new Span(f.getReopenReason() + " (" + FindingLabels.when(f.getReopenedAt()) + ")"), "Reopened");
        }
        facts.add(form);
    }

    private static String cause(Finding f) {
        List<String> parts = new ArrayList<>();
        parts.add(f.getCause().startsWith("test:") ? "telemetry test " + f.getTestId() : "monitor alert");
        if (f.getMetric() != null) {
            parts.add(MetricVocabulary.metric(f.getMetric(), f.getSubject()) + " "
                    + (f.getComparison() == null ? "threshold" : MetricVocabulary.comparison(f.getComparison())) + " "
                    + (f.getThreshold() == null ? "–" : FindingCharts.label(f.getThreshold())));
        }
        if (f.getDeployment() != null) {
            parts.add("deployment " + f.getDeployment() + (f.getSource() == null ? "" : " at " + f.getSource()));
        }
        return String.join(" · ", parts);
    }

    private void showActions(Finding f) {
        boolean mayAct = workflow.mayAct(f.getId());
        State s = f.getState();
        investigate.setVisible(mayAct && s == State.OPEN);
        resolve.setVisible(mayAct && s.isOpen());
        accept.setVisible(mayAct && workflow.mayAccept() && s.isOpen());
        reopen.setVisible(mayAct && !s.isOpen());
        actionsNote.setText(
                !mayAct
                        ? "You may read this finding but not move it through its workflow."
                        : s.isOpen() && !f.isRecovered()
                                ? "Still breaching: the last result failed. Resolve it once the cause is "
                                        + "fixed; a new failure reopens it."
                                : s.isOpen()
                                        ? "The last result passed. Say what caused it and what was done, and resolve it."
                                        : s == State.RESOLVED
                                                ? "Resolved. A new failure of its cause reopens it by itself."
                                                : "Accepted: new breaches are added to its timeline without reopening it.");
    }

    // ---- workflow steps -----------------------------------------------------------------------------------------

    enum Step {
        INVESTIGATE,
        RESOLVE,
        ACCEPT,
        REOPEN
    }

    /** What a step asks for. */
    static final class StepInput {
        private String note = "";
        private String rootCause = "";
        private String actionTaken = "";
        private String rationale = "";
        private String reason = "";

        String getNote() {
            return note;
        }

        void setNote(String v) {
            note = v;
        }

        String getRootCause() {
            return rootCause;
        }

        void setRootCause(String v) {
            rootCause = v;
        }

        String getActionTaken() {
            return actionTaken;
        }

        void setActionTaken(String v) {
            actionTaken = v;
        }

        String getRationale() {
            return rationale;
        }

        void setRationale(String v) {
            rationale = v;
        }

        String getReason() {
            return reason;
        }

        void setReason(String v) {
            reason = v;
        }
    }

    void openStep(Step step) {
        dialog = new StepDialog(step);
        dialog.open();
    }

    /** One step's fields, validated field by field before the service is asked (and its rules shown on the field). */
    final class StepDialog extends Dialog {

        final Step step;
        final Binder<StepInput> binder = new Binder<>();
        final StepInput input = new StepInput();
        final Map<String, TextArea> fields;
        final Button confirm = new Button();

        StepDialog(Step step) {
            this.step = step;
            TextArea note = area("How it is being investigated (optional)", "finding-note");
            TextArea rootCause = area("Root cause", "finding-root-cause");
            TextArea actionTaken = area("Action taken", "finding-action-taken");
            TextArea rationale = area("Why it is accepted", "finding-rationale");
            TextArea reason = area("Why it is reopened", "finding-reason");
            fields = Map.of(
                    "note",
                    note,
                    "rootCause",
                    rootCause,
                    "actionTaken",
                    actionTaken,
                    "rationale",
                    rationale,
                    "reason",
                    reason);
            FormLayout form = new FormLayout();
            switch (step) {
                case INVESTIGATE -> {
                    setHeaderTitle("Investigate");
                    binder.forField(note).bind(StepInput::getNote, StepInput::setNote);
                    form.add(note);
                }
                case RESOLVE -> {
                    setHeaderTitle("Resolve");
                    binder.forField(rootCause)
                            .asRequired("Say what caused the finding.")
                            .bind(StepInput::getRootCause, StepInput::setRootCause);
                    binder.forField(actionTaken)
                            .asRequired("Say what was done about it.")
                            .bind(StepInput::getActionTaken, StepInput::setActionTaken);
                    form.add(rootCause, actionTaken);
                }
                case ACCEPT -> {
                    setHeaderTitle("Accept");
                    binder.forField(rationale)
                            .asRequired("Say why the finding is accepted.")
                            .bind(StepInput::getRationale, StepInput::setRationale);
                    form.add(new Paragraph("You approve the acceptance; new breaches are still recorded."), rationale);
                }
                case REOPEN -> {
                    setHeaderTitle("Reopen");
                    binder.forField(reason)
                            .asRequired("Say why the finding is reopened.")
                            .bind(StepInput::getReason, StepInput::setReason);
                    form.add(reason);
                }
            }
            binder.readBean(input);
            confirm.setText(getHeaderTitle());
            confirm.setId("finding-step-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> confirm());
            add(form);
            getFooter().add(new Button("Cancel", e -> close()), confirm);
            setWidth("36rem");
        }

        private TextArea area(String label, String id) {
            TextArea a = new TextArea(label);
            a.setId(id);
            return FormFields.limit(a, Finding.TEXT_MAX);
        }

        void confirm() {
            if (!binder.writeBeanIfValid(input)) {
                return;
            }
            Finding f = finding;
            try {
                Finding changed = switch (step) {
                    case INVESTIGATE -> workflow.investigate(f.getId(), f.getVersion(), input.getNote());
                    case RESOLVE ->
                        workflow.resolve(f.getId(), f.getVersion(), input.getRootCause(), input.getActionTaken());
                    case ACCEPT -> workflow.accept(f.getId(), f.getVersion(), input.getRationale());
                    case REOPEN -> workflow.reopen(f.getId(), f.getVersion(), input.getReason());
                };
                close();
                show(changed);
                Notification.show(
                                "Finding " + changed.getState().label().toLowerCase() + ".",
                                3000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (DomainRuleException e) {
                HasValue<?, ?> field = e.field() == null ? null : fields.get(e.field());
                if (field instanceof TextArea area && area.isVisible()) {
                    area.setInvalid(true);
                    area.setErrorMessage(e.getMessage());
                } else {
                    error(e.getMessage());
                }
            } catch (OptimisticLockingFailureException e) {
                Finding now = findings.get(f.getId());
                close();
                show(now);
                error("Someone else changed this finding meanwhile (" + now.getUpdatedBy() + ", "
                        + FindingLabels.when(now.getUpdatedAt()) + "); it now shows their change. Repeat your step if "
                        + "it still applies.");
            }
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
