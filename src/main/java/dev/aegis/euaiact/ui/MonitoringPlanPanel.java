package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.aegis.euaiact.EuAiActDocuments;
import dev.aegis.euaiact.EuAiActDocuments.Period;
import dev.aegis.euaiact.EuAiActDocuments.PlanEvaluation;
import dev.aegis.euaiact.EuAiActDocuments.TestLine;
import dev.aegis.euaiact.MonitoringPlan;
import dev.aegis.euaiact.MonitoringPlan.Cadence;
import dev.aegis.euaiact.MonitoringPlanService;
import dev.aegis.euaiact.MonitoringPlanService.Content;
import dev.aegis.euaiact.MonitoringPlanService.DataSource;
import dev.aegis.euaiact.MonitoringPlanService.View;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.FormFields;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * On an AI system's page: its post-market monitoring plan (Art. 72) — whether one is required, the plan, and the
 * system's live telemetry tests and monitored deployments as the plan's data sources with their current status.
 */
@org.springframework.stereotype.Component
class MonitoringPlanPanel implements SystemPagePanel {

    private final MonitoringPlanService plans;
    private final UserDirectory people;
    private final EuAiActDocuments documents;

    MonitoringPlanPanel(MonitoringPlanService plans, UserDirectory people, EuAiActDocuments documents) {
        this.plans = plans;
        this.people = people;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 48;
    }

    @Override
    public String tab() {
        return EuAiActPanel.TAB;
    }

    @Override
    public boolean visible(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    @Override
    public Component render(long systemId) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId("monitoring-plan");
        panel.setPadding(false);
        fill(panel, systemId);
        return panel;
    }

    private void fill(VerticalLayout panel, long systemId) {
        panel.removeAll();
        View view = plans.view(systemId);
        panel.add(new H3("Post-market monitoring plan (Art. 72)"));
        Paragraph duty = new Paragraph((view.required()
                        ? (view.plan().isPresent() ? "Required · written. " : "Required · not written yet. ")
                        : "")
                + view.requiredBecause());
        duty.setId("monitoring-plan-duty");
        if (view.required() && view.plan().isEmpty()) {
            duty.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        panel.add(duty);
        view.plan().ifPresentOrElse(p -> panel.add(plan(p)), () -> {
            if (view.required()) {
                panel.add(new Paragraph("Write the plan: what it watches, the sources beyond the telemetry below, how "
                        + "often and by whom the data is reviewed, how it is evaluated and what follows."));
            }
        });
        panel.add(new Span("Data sources from the live telemetry (read now from the telemetry module)"), sources(view));
        if (view.plan().isPresent()) {
            panel.add(evaluation(systemId));
        }
        if (Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER")) {
            Button write = new Button(
                    view.plan().isPresent() ? "Change the plan" : "Write the plan",
                    e -> edit(systemId, view.plan().orElse(null), panel));
            write.setId("write-monitoring-plan");
            panel.add(write);
        }
    }

    /**
     * The periodic evaluation of a chosen period (the last calendar quarter at first): the conclusion, the plan's tests
     * with their runs, the findings and incidents of the period, and the same as PDF.
     */
    private Component evaluation(long systemId) {
        Period initial = documents.defaultPeriod();
        DatePicker from = FormFields.sensible(new DatePicker("From", initial.from()), "The first day");
        DatePicker to = FormFields.sensible(new DatePicker("To (included)", initial.to()), "The last day");
        for (DatePicker picker : List.of(from, to)) {
            DatePicker.DatePickerI18n i18n = picker.getI18n();
            i18n.setDateFormat("yyyy-MM-dd");
            picker.setI18n(i18n);
            picker.setWidth("10rem");
        }
        from.setId("evaluation-from");
        to.setId("evaluation-to");
        Div result = new Div();
        result.setId("monitoring-evaluation");
        result.setWidthFull();
        Div pdf = new Div();
        Runnable show = () -> {
            result.removeAll();
            pdf.removeAll();
            from.setInvalid(false);
            to.setInvalid(false);
            if (!FormFields.holdsInput(from)
                    || !FormFields.holdsInput(to)
                    || from.getValue() == null
                    || to.getValue() == null) {
                (from.getValue() == null ? from : to).setInvalid(true);
                result.add(new Paragraph("Give the first and the last day of the period."));
                return;
            }
            Period period = new Period(from.getValue(), to.getValue());
            try {
                PlanEvaluation e = documents.evaluation(systemId, period);
                result.add(evaluationView(e));
                pdf.add(PdfLink.of(
                        "monitoring-evaluation-pdf",
                        "Evaluation report, PDF",
                        "monitoring-evaluation-system-" + systemId + "-" + period.from() + "-" + period.to() + ".pdf",
                        out -> documents.evaluationPdf(systemId, period, out)));
            } catch (DomainRuleException ex) {
                DatePicker field = "from".equals(ex.field()) ? from : to;
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            }
        };
        Button evaluate = new Button("Evaluate the period", e -> show.run());
        evaluate.setId("evaluate-period");
        HorizontalLayout bar = new HorizontalLayout(from, to, evaluate, pdf);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        VerticalLayout section = new VerticalLayout(
                new H4("Periodic evaluation"),
                new Paragraph("The plan's telemetry tests and their results, the findings and the incidents of a "
                        + "period, with a conclusion: the last calendar quarter unless you choose another."),
                bar,
                result);
        section.setPadding(false);
        section.setWidthFull();
        show.run();
        return section;
    }

    private static Component evaluationView(PlanEvaluation e) {
        Div div = new Div();
        div.setWidthFull();
        Paragraph conclusion = new Paragraph("Conclusion (" + e.period().describe() + "): " + e.conclusion());
        conclusion.setId("evaluation-conclusion");
        conclusion.getStyle().set("font-weight", "600");
        div.add(conclusion);
        Grid<TestLine> tests = new Grid<>(TestLine.class, false);
        tests.setId("evaluation-tests");
        tests.addThemeName("wrap-cell-content");
        tests.addColumn(TestLine::test).setHeader("Telemetry test").setFlexGrow(3);
        tests.addColumn(TestLine::runs).setHeader("Runs").setAutoWidth(true).setFlexGrow(0);
        tests.addColumn(t -> t.passed() + " / " + t.failed() + " / " + t.noData())
                .setHeader("Passed / failed / no data")
                .setAutoWidth(true)
                .setFlexGrow(0);
        tests.addColumn(TestLine::lastFigure)
                .setHeader("Latest")
                .setAutoWidth(true)
                .setFlexGrow(0);
        tests.setItems(e.tests());
        tests.setAllRowsVisible(true);
        tests.setWidthFull();
        tests.setEmptyStateText("The system has no telemetry test: define tests on its controls to feed the plan.");
        div.add(tests);
        UnorderedList findings = new UnorderedList();
        findings.setId("evaluation-findings");
        e.findings()
                .forEach(f -> findings.add(new ListItem(f.title() + " · " + f.severity() + " · " + f.state()
                        + " · first seen " + Dates.minute(f.firstSeen()))));
        div.add(new Paragraph("Findings opened in the period: " + (e.findings().isEmpty() ? "none." : "")));
        if (!e.findings().isEmpty()) {
            div.add(findings);
        }
        UnorderedList incidents = new UnorderedList();
        incidents.setId("evaluation-incidents");
        e.incidents()
                .forEach(i -> incidents.add(new ListItem(i.reference() + " · " + i.title() + " · " + i.kind() + " · "
                        + i.status() + " · aware " + Dates.minute(i.awareAt()))));
        div.add(new Paragraph("Incidents in the period: " + (e.incidents().isEmpty() ? "none." : "")));
        if (!e.incidents().isEmpty()) {
            div.add(incidents);
        }
        return div;
    }

    private static Component plan(MonitoringPlan p) {
        Div div = new Div();
        div.setId("monitoring-plan-content");
        div.add(
                line("What it watches", p.getObjectives()),
                line("Other sources", p.getOtherSources() == null ? "none named" : p.getOtherSources()),
                line("Review", p.getCadence().label() + ", by " + p.getReviewer()),
                line("Evaluation", p.getEvaluation()),
                line("When the evaluation finds a problem", p.getActions()),
                line("Last written", p.getUpdatedBy() + ", " + Dates.minute(p.getUpdatedAt())));
        return div;
    }

    private static Component line(String label, String value) {
        Div div = new Div();
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        div.add(l, new Span(value));
        return div;
    }

    private static Grid<DataSource> sources(View view) {
        Grid<DataSource> grid = new Grid<>(DataSource.class, false);
        grid.setId("monitoring-plan-sources");
        grid.addThemeName("wrap-cell-content");
        grid.addColumn(DataSource::kind).setHeader("Source").setFlexGrow(1);
        grid.addColumn(DataSource::name).setHeader("What").setFlexGrow(2);
        grid.addComponentColumn(s -> {
                    Span span = new Span(s.status());
                    if (!s.healthy()) {
                        span.getStyle().set("color", "var(--lumo-error-text-color)");
                    }
                    return span;
                })
                .setHeader("Now")
                .setFlexGrow(2);
        grid.setItems(view.sources());
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.setEmptyStateText("No telemetry test and no monitored deployment yet: link a deployment and define tests "
                + "on the system's controls (section Telemetry) to feed the plan with live data.");
        return grid;
    }

    private void edit(long systemId, MonitoringPlan existing, VerticalLayout panel) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Post-market monitoring plan");
        d.setWidth("min(52rem, 95vw)");
        TextArea objectives = FormFields.limit(new TextArea("What the plan watches and why"), 4000);
        TextArea other = FormFields.limit(new TextArea("Other sources (complaints, deployers' reports, ...)"), 4000);
        ComboBox<Cadence> cadence = new ComboBox<>("Review");
        cadence.setItems(Cadence.values());
        cadence.setItemLabelGenerator(Cadence::label);
        ComboBox<String> reviewer = FormFields.people("Reviewed by", people);
        TextArea evaluation = FormFields.limit(new TextArea("How the data is evaluated (Chapter III Section 2)"), 4000);
        TextArea actions = FormFields.limit(new TextArea("What follows when it finds a problem"), 4000);
        if (existing != null) {
            objectives.setValue(existing.getObjectives());
            other.setValue(existing.getOtherSources() == null ? "" : existing.getOtherSources());
            cadence.setValue(existing.getCadence());
            FormFields.show(reviewer, existing.getReviewer());
            evaluation.setValue(existing.getEvaluation());
            actions.setValue(existing.getActions());
        }
        FormLayout form = new FormLayout(objectives, other, cadence, reviewer, evaluation, actions);
        form.setColspan(objectives, 2);
        form.setColspan(other, 2);
        form.setColspan(evaluation, 2);
        form.setColspan(actions, 2);
        d.add(form);
        Map<String, Component> fields = Map.of(
                "objectives", objectives,
                "otherSources", other,
                "cadence", cadence,
                "reviewer", reviewer,
                "evaluation", evaluation,
                "actions", actions);
        Button save = new Button("Save", e -> {
            try {
                plans.write(
                        systemId,
                        existing == null ? null : existing.getVersion(),
                        new Content(
                                objectives.getValue(),
                                other.getValue(),
                                cadence.getValue(),
                                reviewer.getValue(),
                                evaluation.getValue(),
                                actions.getValue()));
                d.close();
                IncidentsPanel.done("Saved the post-market monitoring plan.");
                fill(panel, systemId);
            } catch (DomainRuleException ex) {
                IncidentsPanel.refuse(ex, fields);
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                IncidentsPanel.error("Someone else changed the plan meanwhile; the page shows it now.");
                fill(panel, systemId);
            }
        });
        save.setId("save-monitoring-plan");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
