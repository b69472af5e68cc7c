package dev.aegis.telemetry.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlService.Applied;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.MetricVocabulary;
import dev.aegis.telemetry.Comparison;
import dev.aegis.telemetry.Metrics;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryService.Result;
import dev.aegis.telemetry.TelemetryTest;
import dev.aegis.telemetry.TestDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;

/**
 * The telemetry tests of an AI system's applied controls: each with its newest result, a form to define, change or
 * remove one (each field says what is wrong with it), "Run now", and the results of the chosen test.
 */
class TelemetryTestsSection extends VerticalLayout {

    private final TelemetryService telemetry;
    private final long systemId;
    private final boolean manage;
    private final Map<Long, String> controlTitles;
    final Grid<TelemetryTest> tests = new Grid<>();
    final Grid<Result> results = new Grid<>();
    final ComboBox<Applied> control = new ComboBox<>("Control");
    final ComboBox<String> metric = new ComboBox<>("Metric");
    final TextField subject = new TextField("Feature or group (blank: every one)");
    final Select<Comparison> comparison = new Select<>();
    final NumberField threshold = new NumberField("Threshold");
    final Select<String> window = new Select<>();
    final IntegerField minSample = new IntegerField("Minimum sample size");
    final TextField query = new TextField("PromQL (Prometheus sources only)");
    final Button save = new Button("Define test");
    final Button remove = new Button("Remove test");
    final Button runNow = new Button("Run now");
    private TelemetryTest editing;

    TelemetryTestsSection(TelemetryService telemetry, ControlService controls, long systemId, boolean manage) {
        this.telemetry = telemetry;
        this.systemId = systemId;
        this.manage = manage;
        List<Applied> applied = controls.appliedTo(systemId);
        this.controlTitles =
                applied.stream().collect(Collectors.toMap(Applied::controlId, Applied::controlTitle, (a, b) -> a));
        setId("telemetry-tests");
        setPadding(false);
        configureGrids();
        add(new H4("Telemetry tests"), tests);
        if (manage) {
            configureForm(applied);
            runNow.setId("run-telemetry-tests");
            runNow.addClickListener(e -> {
                int recorded = telemetry.runNow(systemId).size();
                TelemetryPanel.show(
                        recorded == 0
                                ? "Nothing new: the newest windows were recorded already."
                                : recorded + " result(s) recorded.");
                refresh();
            });
            add(
                    new FormLayout(control, metric, subject, comparison, threshold, window, minSample, query),
                    new HorizontalLayout(save, remove, runNow));
        }
        add(results);
    }

    private void configureGrids() {
        tests.addColumn(t -> controlTitles.getOrDefault(t.getControlId(), "control " + t.getControlId()))
                .setHeader("Control");
        tests.addColumn(TelemetryTest::describe).setHeader("Test").setFlexGrow(2);
        tests.addColumn(t -> {
                    Result r = latest().get(t.getId());
                    return r == null
                            ? "not run yet"
                            : dev.aegis.shared.Words.of(r.outcome().name())
                                    + (r.figure() == null
                                            ? ""
                                            : " · " + MetricVocabulary.format(t.getMetric(), r.figure()))
                                    + " · window to "
                                    + dev.aegis.shared.Dates.minute(r.windowEnd());
                })
                .setHeader("Newest result")
                .setFlexGrow(2);
        tests.setAllRowsVisible(true);
        tests.setId("telemetry-test-grid");
        tests.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        results.addColumn(Result::windowStart).setHeader("Window from");
        results.addColumn(Result::outcome).setHeader("Outcome");
        results.addColumn(r -> r.figure() == null ? "" : String.format(java.util.Locale.ROOT, "%.4g", r.figure()))
                .setHeader("Figure");
        results.addColumn(r -> r.subject() == null ? "" : r.subject()).setHeader("Subject");
        results.addColumn(Result::sampleSize).setHeader("n");
        results.addColumn(r -> r.note() == null ? "" : r.note())
                .setHeader("Note")
                .setFlexGrow(2);
        results.setAllRowsVisible(true);
        results.setVisible(false);
    }

    private void configureForm(List<Applied> applied) {
        control.setItems(applied);
        control.setItemLabelGenerator(Applied::controlTitle);
        metric.setItems(Metrics.NAMES);
        metric.setItemLabelGenerator(m -> MetricVocabulary.metric(m));
        comparison.setLabel("Passes when the figure is");
        comparison.setItems(Comparison.values());
        comparison.setItemLabelGenerator(c -> c.symbol() + " the threshold");
        comparison.setValue(Comparison.LT);
        threshold.setHelperText("Error rate as a fraction (0.01 = 1 %), latency in ms");
        window.setLabel("Window");
        window.setItems("5m", "1h", "1d");
        window.setValue("1h");
        minSample.setValue(0);
        minSample.setMin(0);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-telemetry-test");
        save.addClickListener(e -> save());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setEnabled(false);
        remove.addClickListener(e -> {
            telemetry.removeTest(editing.getId());
            edit(null);
            refresh();
        });
        if (applied.isEmpty()) {
            control.setHelperText("No control is applied to this system yet: apply one under Controls first.");
        }
    }

    private void save() {
        List.<HasValidation>of(control, metric, subject, comparison, threshold, window, minSample, query)
                .forEach(f -> f.setInvalid(false));
        if (threshold.getValue() == null) {
            invalid(threshold, "Give the threshold as a number.");
            return;
        }
        TestDefinition d = new TestDefinition(
                metric.getValue(),
                subject.getValue(),
                comparison.getValue(),
                threshold.getValue(),
                window.getValue(),
                minSample.getValue() == null ? 0 : minSample.getValue(),
                query.getValue());
        try {
            if (editing == null) {
                if (control.getValue() == null) {
                    invalid(control, "Choose the control the test checks.");
                    return;
                }
                telemetry.defineTest(control.getValue().controlId(), systemId, d);
            } else {
                telemetry.changeTest(editing.getId(), editing.getVersion(), d);
            }
            edit(null);
            refresh();
        } catch (DomainRuleException ex) {
            HasValidation field = switch (ex.field() == null ? "" : ex.field()) {
                case "metric" -> metric;
                case "subject" -> subject;
                case "comparison" -> comparison;
                case "threshold" -> threshold;
                case "window" -> window;
                case "minSampleSize" -> minSample;
                case "query" -> query;
                default -> control;
            };
            invalid(field, ex.getMessage());
        } catch (OptimisticLockingFailureException ex) {
            TelemetryPanel.show("Someone else changed this test meanwhile; it is shown as it is now.");
            refresh();
        }
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void edit(TelemetryTest t) {
        editing = t;
        results.setVisible(t != null);
        if (t != null) {
            results.setItems(telemetry.results(t.getId(), PageRequest.of(0, 20)).getContent());
        }
        if (!manage) {
            return;
        }
        remove.setEnabled(t != null);
        save.setText(t == null ? "Define test" : "Save test");
        control.setEnabled(t == null);
        if (t == null) {
            subject.clear();
            threshold.clear();
            query.clear();
            return;
        }
        control.setValue(control.getListDataView()
                .getItems()
                .filter(a -> a.controlId() == t.getControlId())
                .findFirst()
                .orElse(null));
        metric.setValue(t.getMetric());
        subject.setValue(t.getSubject() == null ? "" : t.getSubject());
        comparison.setValue(t.getComparison());
        threshold.setValue(t.getThreshold());
        window.setValue(t.getResolution());
        minSample.setValue((int) Math.min(Integer.MAX_VALUE, t.getMinSampleSize()));
        query.setValue(t.getQuery() == null ? "" : t.getQuery());
    }

    private Map<Long, Result> latestCache;

    private Map<Long, Result> latest() {
        if (latestCache == null) {
            latestCache = telemetry.latestResults(systemId);
        }
        return latestCache;
    }

    void refresh() {
        latestCache = null;
        List<TelemetryTest> list = telemetry.tests(systemId);
        tests.setItems(list);
        if (list.isEmpty()) {
            tests.setVisible(false);
            if (getChildren()
                    .noneMatch(c -> "telemetry-tests-empty".equals(c.getId().orElse(null)))) {
                Paragraph empty = new Paragraph("No telemetry test yet. "
                        + (manage
                                ? "Define one on a control applied to this system, e.g. PSI below 0.2 over 1h."
                                : "Its owners or a governance officer define them."));
                empty.setId("telemetry-tests-empty");
                addComponentAtIndex(1, empty);
            }
        } else {
            tests.setVisible(true);
            getChildren()
                    .filter(c -> "telemetry-tests-empty".equals(c.getId().orElse(null)))
                    .toList()
                    .forEach(this::remove);
        }
        if (editing != null) {
            results.setItems(
                    telemetry.results(editing.getId(), PageRequest.of(0, 20)).getContent());
        }
    }
}
