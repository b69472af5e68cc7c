package dev.aegis.monitor.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.monitor.Alert;
import dev.aegis.monitor.AlertRule;
import dev.aegis.monitor.AlertService;
import dev.aegis.monitor.Deployment;
import dev.aegis.monitor.DeploymentService;
import dev.aegis.monitor.Figure;
import dev.aegis.monitor.FigureService;
import dev.aegis.monitor.Metric;
import dev.aegis.monitor.MonitorVocabulary;
import dev.aegis.monitor.RawTexts;
import dev.aegis.monitor.ReferenceWindow;
import dev.aegis.monitor.Resolution;
import dev.aegis.monitor.TrafficService;
import dev.aegis.monitor.TrafficWindow;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.Svg;
import dev.aegis.shared.ui.SvgBarChart;
import dev.aegis.shared.ui.SvgLineChart;
import dev.aegis.shared.ui.SvgLineChart.Point;
import dev.aegis.shared.ui.SvgLineChart.Series;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One deployment: traffic, latency percentiles and error rate over the chosen period as server-rendered SVG charts,
 * drift per feature (PSI) and selection rate per group of the newest evaluated hour, its alerts and rules; the page refreshes itself every few seconds while open.
 */
@Route("monitor/deployments/:name")
@PageTitle("Deployment · Monitor · Aegis")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class DeploymentView extends VerticalLayout implements BeforeEnterObserver {

    /** The periods offered and the window size each is drawn with. */
    enum Period {
        LAST_HOUR("Last hour", Duration.ofHours(1), Resolution.FIVE_MINUTES),
        LAST_DAY("Last 24 hours", Duration.ofDays(1), Resolution.FIVE_MINUTES),
        LAST_WEEK("Last 7 days", Duration.ofDays(7), Resolution.ONE_HOUR),
        LAST_MONTH("Last 30 days", Duration.ofDays(30), Resolution.ONE_DAY);

        final String label;
        final Duration length;
        final Resolution resolution;

        Period(String label, Duration length, Resolution resolution) {
            this.label = label;
            this.length = length;
            this.resolution = resolution;
        }
    }

    /** The drift figures drawn over time, each with the limit of its default alert rule. */
    enum DriftMetric {
        PSI("PSI", Metric.PSI, 0.2),
        JS("Jensen–Shannon distance", Metric.JS_DISTANCE, 0.1);

        final String label;
        final Metric metric;
        final double limit;

        DriftMetric(String label, Metric metric, double limit) {
            this.label = label;
            this.metric = metric;
            this.limit = limit;
        }
    }

    private static final String[] PALETTE = {
        "#1676f3", "#2e9d5b", "#f0a020", "#8e44ad", "#00a3a3", "#c0504d", "#6b7a8f", "#b8860b"
    };

    private final transient DeploymentService deployments;
    private final transient TrafficService traffic;
    private final transient AlertService alerts;
    private final transient FigureService figures;
    private final transient Clock clock;
    private final transient RawTexts texts;
    private final boolean mayEdit;
    final H2 title = new H2();
    final Paragraph facts = new Paragraph();
    final Select<Period> period = new Select<>();
    final Html trafficChart = new Html("<div></div>");
    final Html latencyChart = new Html("<div></div>");
    final Html errorChart = new Html("<div></div>");
    final Html driftChart = new Html("<div></div>");
    final Html fairnessChart = new Html("<div></div>");
    final Select<DriftMetric> driftMetric = new Select<>();
    final Html driftTrendChart = new Html("<div></div>");
    final Html qualityTable = new Html("<div></div>");
    final Html llmRiskChart = new Html("<div></div>");
    final Html promptDataChart = new Html("<div></div>");
    final Html responseDataChart = new Html("<div></div>");
    final Html tokenChart = new Html("<div></div>");
    final Html costChart = new Html("<div></div>");
    /** Whether the deployment receives LLM calls: decided when the page opens, and once more as figures appear. */
    boolean llm;

    final Grid<Alert> alertGrid = new Grid<>(Alert.class, false);
    final Grid<AlertRule> ruleGrid = new Grid<>(AlertRule.class, false);
    final Button edit = new Button("Edit");
    final Button llmSettings = new Button("Personal data and text");
    final com.vaadin.flow.component.textfield.TextArea patterns =
            new com.vaadin.flow.component.textfield.TextArea("Personal-data patterns of this deployment");
    final com.vaadin.flow.component.textfield.IntegerField textDays =
            new com.vaadin.flow.component.textfield.IntegerField("Keep prompt and response text for (days)");

    final H3 keptTitle = new H3("Kept text of flagged calls");
    final Paragraph keptNote = new Paragraph();
    final Grid<RawTexts.Kept> keptGrid = new Grid<>();
    /** The retention the kept-text grid was loaded for: reloaded when that changes, not per poll (reads are audited). */
    private Integer keptFor;

    private String name;
    private Registration poll;

    DeploymentView(
            DeploymentService deployments,
            TrafficService traffic,
            AlertService alerts,
            FigureService figures,
            Clock clock,
            AuthenticationContext auth,
            RawTexts texts) {
        this.texts = texts;
        this.deployments = deployments;
        this.traffic = traffic;
        this.alerts = alerts;
        this.figures = figures;
        this.clock = clock;
        this.mayEdit = auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> p.label);
        period.setValue(Period.LAST_DAY);
        period.addValueChangeListener(e -> refresh());
        driftMetric.setLabel("Drift over time");
        driftMetric.setItems(DriftMetric.values());
        driftMetric.setItemLabelGenerator(m -> m.label);
        driftMetric.setValue(DriftMetric.PSI);
        driftMetric.addValueChangeListener(e -> refresh());
        alertGrid.setAllRowsVisible(true);
        alertGrid.setEmptyStateText("No alert in the last 30 days: an alert opens when a rule below is breached.");
        AlertColumns.add(alertGrid, null);
        ruleGrid.setAllRowsVisible(true);
        ruleGrid.setEmptyStateText("No alert rule yet: add rules through the monitor API, POST "
                + "/monitor/v1/deployments/<name>/rules (docs/monitor.md).");
        ruleGrid.addColumn(MonitorVocabulary::rule).setHeader("Rule").setFlexGrow(3);
        ruleGrid.addColumn(r -> r.isEnabled() ? "on" : "off").setHeader("Enabled");
        ruleGrid.addColumn(r -> r.getLastEvaluatedAt() == null
                        ? "not yet (no figures)"
                        : AlertColumns.TIME.format(r.getLastEvaluatedAt()))
                .setHeader("Last evaluated (UTC)");
        edit.setVisible(mayEdit);
        edit.addClickListener(e -> openEditor());
        llmSettings.setVisible(mayEdit);
        llmSettings.setId("llm-settings");
        llmSettings.addClickListener(e -> openLlmSettings());
        Div charts = new Div(
                trafficChart,
                latencyChart,
                errorChart,
                llmRiskChart,
                promptDataChart,
                responseDataChart,
                tokenChart,
                costChart,
                driftTrendChart,
                driftChart,
                fairnessChart,
                qualityTable);
        charts.addClassName("aegis-charts");
        configureKeptText();
        add(
                new HorizontalLayout(title, edit, llmSettings),
                facts,
                new HorizontalLayout(period, driftMetric),
                charts,
                keptTitle,
                keptNote,
                keptGrid,
                new H3("Alerts"),
                alertGrid,
                new H3("Alert rules"),
                ruleGrid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        name = event.getRouteParameters().get("name").orElse("");
        try {
            deployments.get(name);
        } catch (NotFoundException e) {
            event.rerouteToError(NotFoundException.class, e.getMessage());
            return;
        }
        llm = figures.receivesLlmCalls(name, clock.instant());
        refresh();
    }

    void refresh() {
        Deployment d = deployments.get(name);
        title.setText(d.getName() + " " + d.getModelVersion());
        facts.setText("Owner " + d.getOwner() + " · features "
                + listed(d.getFeatures().stream()
                        .map(f -> f.name() + " (" + f.kind().name().toLowerCase(java.util.Locale.ROOT) + ")")
                        .toList())
                + " · labels " + listed(d.getLabels()) + " · protected attributes "
                + listed(d.getProtectedAttributes().stream().sorted().toList()) + " · reference " + d.getReference()
                + (d.getLatencyBudgetMs() == null
                        ? ""
                        : " · p95 budget "
                                + java.math.BigDecimal.valueOf(d.getLatencyBudgetMs())
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + " ms")
                + (d.getPersonalDataPatterns().isEmpty()
                        ? ""
                        : " · own personal-data patterns "
                                + listed(d.getPersonalDataPatterns().stream()
                                        .map(dev.aegis.monitor.PersonalDataPattern::name)
                                        .toList()))
                + (d.getRawTextDays() == null
                        ? ""
                        : " · prompt and response text kept " + d.getRawTextDays() + " days"));
        Period p = period.getValue();
        Instant to = clock.instant();
        Instant from = p.resolution.floor(to.minus(p.length));
        List<TrafficWindow> windows = traffic.windows(d.getName(), p.resolution, from, to);
        Instant end = p.resolution.floor(to).plus(p.resolution.length());
        from = fitted(from, end, p.resolution, windows);
        trafficChart.setHtmlContent(chart(
                "Events per " + p.resolution.code() + " window",
                "",
                from,
                end,
                List.of(series("events", "#1676f3", windows, w -> (double) w.count()))));
        latencyChart.setHtmlContent(chart(
                "Latency",
                "ms",
                from,
                end,
                List.of(
                        series("p50", "#2e9d5b", windows, TrafficWindow::latencyP50Ms),
                        series("p95", "#f0a020", windows, TrafficWindow::latencyP95Ms),
                        series("p99", "#d9352b", windows, TrafficWindow::latencyP99Ms))));
        errorChart.setHtmlContent(chart(
                "Error rate", "%", from, end, List.of(series("errors", "#d9352b", windows, w -> w.errorRate() * 100))));
        if (!llm) {
            llm = figures.receivesLlmCalls(d.getName(), to);
        }
        // an LLM deployment without declared features or labels has no drift, fairness or data quality to show;
        // a classic model has no prompts, tokens or cost
        boolean classic = !llm || !d.getFeatures().isEmpty() || !d.getLabels().isEmpty();
        for (Html c : List.of(driftTrendChart, driftChart, fairnessChart, qualityTable)) {
            c.setVisible(classic);
        }
        driftMetric.setVisible(classic);
        for (Html c : List.of(llmRiskChart, promptDataChart, responseDataChart, tokenChart, costChart)) {
            c.setVisible(llm);
        }
        if (classic) {
            refreshDriftTrend(d, p, from, end);
            refreshFigures(d, to);
        }
        if (llm) {
            refreshLlm(d, p, from, end);
        }
        alertGrid.setItems(alerts.alerts(d.getName(), null, to.minus(Duration.ofDays(30)), to.plusSeconds(1), 100));
        ruleGrid.setItems(alerts.rules(d.getName()));
        refreshKeptText(d);
    }

    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** How much of a prompt or response the grid shows; the whole text opens with the row. */
    static final int SHORT_TEXT = 90;

    /**
     * The kept text of flagged calls, for administrators and governance officers of a deployment that keeps text:
     * newest first, loaded page by page (each page read is audited), the whole call opened by a click.
     */
    private void configureKeptText() {
        keptGrid.setId("kept-texts");
        keptGrid.addThemeName("wrap-cell-content");
        keptGrid.setPageSize(20);
        keptGrid.setHeight("22rem");
        dev.aegis.shared.ui.DateCells.add(keptGrid, k -> SECOND.format(k.at()))
                .setHeader("When (UTC)")
                .setWidth("8.5rem")
                .setFlexGrow(0);
        keptGrid.addColumn(k -> String.join("; ", k.flaggedFor()))
                .setHeader("Flagged for")
                .setFlexGrow(2);
        keptGrid.addColumn(k -> shortened(k.prompt())).setHeader("Prompt").setFlexGrow(3);
        keptGrid.addColumn(k -> shortened(k.response())).setHeader("Response").setFlexGrow(3);
        keptGrid.setEmptyStateText("No flagged call holds text yet: calls flagged for prompt injection or personal"
                + " data appear here while their text is kept.");
        keptGrid.addItemClickListener(e -> openKeptText(e.getItem()));
        for (var c : List.of(keptTitle, keptNote, keptGrid)) {
            c.setVisible(false);
        }
    }

    private void refreshKeptText(Deployment d) {
        boolean show = mayEdit && d.getRawTextDays() != null;
        for (var c : List.of(keptTitle, keptNote, keptGrid)) {
            c.setVisible(show);
        }
        if (!show) {
            keptFor = null;
            return;
        }
        keptNote.setText("This deployment keeps the prompt and response text of its calls for " + d.getRawTextDays()
                + " day" + (d.getRawTextDays() == 1 ? "" : "s") + ". Listed here are the flagged ones, newest first;"
                + " click one to read it whole. Every reading is recorded in the audit log.");
        if (!d.getRawTextDays().equals(keptFor)) {
            keptFor = d.getRawTextDays();
            String deployment = d.getName();
            keptGrid.setItems(q -> texts.flagged(deployment, q.getOffset(), q.getLimit()).stream());
        }
    }

    static String shortened(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= SHORT_TEXT
                ? flat
                : flat.substring(0, SHORT_TEXT - 1).stripTrailing() + "…";
    }

    /** One call's whole text, read again (and audited) when opened. */
    void openKeptText(RawTexts.Kept kept) {
        RawTexts.Text text = texts.read(name, kept.requestId()).orElse(null);
        Dialog dialog = new Dialog();
        dialog.setId("kept-text-dialog");
        dialog.setHeaderTitle("Call " + kept.requestId() + " · " + SECOND.format(kept.at()) + " UTC");
        dialog.setWidth("min(52rem, 96vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Paragraph("Flagged: " + String.join("; ", kept.flaggedFor()) + "."));
        if (text == null) {
            body.add(new Paragraph(
                    "The text has been purged since the list was loaded (it is kept for a limited" + " time only)."));
        } else {
            body.add(new H3("Prompt"), fullText(text.prompt()), new H3("Response"), fullText(text.response()));
        }
        dialog.add(body);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("close-kept-text");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private static Div fullText(String text) {
        Div div = new Div();
        div.setText(text == null || text.isEmpty() ? "(none)" : text);
        div.getStyle()
                .set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere")
                .set("max-height", "40vh")
                .set("overflow-y", "auto")
                .set("width", "100%")
                .set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        return div;
    }

    /**
     * The period's start, moved up to the first window with traffic when the data began later (a new deployment, a
     * demo started minutes ago): the data then fills the chart instead of its last pixels. At least a dozen windows
     * stay in view, so a few points are not stretched into a line across the chart either.
     */
    static Instant fitted(Instant from, Instant end, Resolution resolution, List<TrafficWindow> windows) {
        if (windows.isEmpty()) {
            return from;
        }
        Instant first = windows.stream()
                .map(TrafficWindow::start)
                .min(Comparator.naturalOrder())
                .orElse(from);
        Instant shortest = end.minus(resolution.length().multipliedBy(12));
        Instant start = first.isBefore(shortest) ? first : shortest;
        return start.isAfter(from) ? start : from;
    }

    /** A list as words: "a, b" or "none". */
    private static String listed(java.util.Collection<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Drift and fairness of the newest hour that has figures (within the last two days). */
    private void refreshFigures(Deployment d, Instant to) {
        List<Figure> psi = newest(d.getName(), Metric.PSI, to);
        driftChart.setHtmlContent("<div class='aegis-chart-box'>"
                + SvgBarChart.render(
                        psi.isEmpty() ? "Drift per feature (PSI)" : "Drift per feature (PSI), hour of " + window(psi),
                        bars(psi),
                        0.2,
                        d.getReference().kind() == ReferenceWindow.Kind.NONE
                                ? "No drift figures: give the deployment a reference window"
                                : "No drift figures yet: they are computed for each complete hour of traffic")
                + "</div>");
        List<Figure> rates = newest(d.getName(), Metric.SELECTION_RATE, to);
        List<Figure> dpd = newest(d.getName(), Metric.DEMOGRAPHIC_PARITY_DIFFERENCE, to);
        String parity = dpd.isEmpty() || dpd.getFirst().value() == null
                ? ""
                : ", parity difference " + Svg.label(dpd.getFirst().value());
        fairnessChart.setHtmlContent("<div class='aegis-chart-box'>"
                + SvgBarChart.render(
                        rates.isEmpty()
                                ? "Selection rate per group"
                                : "Selection rate per group, hour of " + window(rates) + parity,
                        bars(rates),
                        null,
                        "No fairness figures yet: send a group attribute with the events")
                + "</div>");
        refreshQuality(d, to);
    }

    /**
     * Data quality of the newest evaluated hour, per feature: missing values, values outside the reference's range
     * (numeric) and categories the reference never had (categorical), in per cent.
     */
    private void refreshQuality(Deployment d, Instant to) {
        List<Figure> missing = newest(d.getName(), Metric.MISSING_VALUE_RATE, to);
        Map<String, Figure> range = bySubject(newest(d.getName(), Metric.OUT_OF_RANGE_RATE, to));
        Map<String, Figure> unseen = bySubject(newest(d.getName(), Metric.NEW_CATEGORY_RATE, to));
        StringBuilder html = new StringBuilder("<div class='aegis-chart-box' id='data-quality'>");
        html.append("<div class='aegis-box-title'>Data quality per feature")
                .append(missing.isEmpty() ? "" : ", hour of " + window(missing))
                .append("</div>");
        if (d.getFeatures().isEmpty()) {
            html.append("<p class='aegis-chart-empty'>No features declared: declare the deployment's features to see"
                    + " their missing values and unexpected values.</p>");
        } else if (missing.isEmpty()) {
            html.append("<p class='aegis-chart-empty'>No data-quality figures yet: they are computed for each complete"
                    + " hour of traffic.</p>");
        } else {
            html.append("<table class='aegis-quality'><thead><tr><th>Feature</th><th>Missing values</th>"
                    + "<th>Outside the reference's range</th><th>Categories not in the reference</th></tr></thead>"
                    + "<tbody>");
            for (var feature : d.getFeatures()) {
                Figure m = bySubject(missing).get(feature.name());
                html.append("<tr><td>")
                        .append(Svg.escape(feature.name()))
                        .append("</td><td>")
                        .append(share(m))
                        .append("</td><td>")
                        .append(
                                feature.kind() == dev.aegis.monitor.Feature.Kind.NUMERIC
                                        ? share(range.get(feature.name()))
                                        : "does not apply")
                        .append("</td><td>")
                        .append(
                                feature.kind() == dev.aegis.monitor.Feature.Kind.CATEGORICAL
                                        ? share(unseen.get(feature.name()))
                                        : "does not apply")
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
            if (d.getReference().kind() == ReferenceWindow.Kind.NONE) {
                html.append("<p class='aegis-chart-empty'>Give the deployment a reference window to compare ranges"
                        + " and categories with.</p>");
            }
        }
        qualityTable.setHtmlContent(html.append("</div>").toString());
    }

    private static Map<String, Figure> bySubject(List<Figure> list) {
        Map<String, Figure> map = new LinkedHashMap<>();
        list.forEach(f -> map.put(f.subject() == null ? "" : f.subject(), f));
        return map;
    }

    /** "2.50 % (n 400)", or a dash when the figure is missing. */
    private static String share(Figure f) {
        if (f == null || f.value() == null) {
            return "–";
        }
        return dev.aegis.shared.MetricVocabulary.format(f.metric(), f.value())
                // the sample size kept on one line: "(n" and "80)" never part
                + (f.sampleSize() == null ? "" : " <span class='aegis-nowrap'>(n " + f.sampleSize() + ")</span>");
    }

    /**
     * The chosen drift figure of each feature (and the predicted labels) for every evaluated window of the period, at
     * the period's window size, with the limit of the default rule.
     */
    private void refreshDriftTrend(Deployment d, Period p, Instant from, Instant end) {
        DriftMetric chosen = driftMetric.getValue();
        Map<String, List<Point>> bySubject = new TreeMap<>();
        for (Figure f : figures.figures(d.getName(), chosen.metric.name(), p.resolution, from, end)) {
            if (f.subject() != null && f.value() != null) {
                bySubject
                        .computeIfAbsent(f.subject(), s -> new ArrayList<>())
                        .add(new Point(f.windowStart(), f.value()));
            }
        }
        List<Series> series = new ArrayList<>();
        bySubject.forEach(
                (subject, points) -> series.add(new Series(subject, PALETTE[series.size() % PALETTE.length], points)));
        if (!series.isEmpty()) {
            series.add(new Series(
                    "limit " + Svg.label(chosen.limit),
                    "#9aa0a6",
                    List.of(new Point(from, chosen.limit), new Point(end, chosen.limit))));
        }
        String empty = d.getReference().kind() == ReferenceWindow.Kind.NONE
                ? "No drift figures: give the deployment a reference window"
                : "No drift figures in this period yet: they are computed for each complete window";
        driftTrendChart.setHtmlContent("<div class='aegis-chart-box'>"
                + SvgLineChart.render(
                        "Drift over time (" + chosen.label + " per " + p.resolution.code() + " window)",
                        "",
                        from,
                        end,
                        series,
                        empty)
                + "</div>");
    }

    /**
     * The LLM figures of every evaluated window of the period: prompt-injection attempts and refusals, personal data
     * per kind in prompts and in responses (only the kinds found in the period), tokens and cost.
     */
    private void refreshLlm(Deployment d, Period p, Instant from, Instant end) {
        String window = " per " + p.resolution.code() + " window";
        String none = "No LLM figures in this period yet: they are computed for each complete window";
        llmRiskChart.setHtmlContent(box(SvgLineChart.render(
                "Prompt-injection attempts and refusals",
                "%",
                from,
                end,
                List.of(
                        llmSeries(d, "PROMPT_INJECTION_RATE", null, p, from, end, "injection attempts", "#d9352b", 100),
                        llmSeries(d, "REFUSAL_RATE", null, p, from, end, "refusals", "#6b7a8f", 100)),
                none)));
        promptDataChart.setHtmlContent(box(personalData(d, "PERSONAL_DATA_PROMPT_RATE", "prompts", p, from, end)));
        responseDataChart.setHtmlContent(
                box(personalData(d, "PERSONAL_DATA_RESPONSE_RATE", "responses", p, from, end)));
        tokenChart.setHtmlContent(box(SvgLineChart.render(
                "Tokens" + window,
                "",
                from,
                end,
                List.of(
                        llmSeries(d, "INPUT_TOKENS", null, p, from, end, "input", "#1676f3", 1),
                        llmSeries(d, "OUTPUT_TOKENS", null, p, from, end, "output", "#2e9d5b", 1)),
                none)));
        List<Figure> cost = figures.figures(d.getName(), Metric.COST.name(), p.resolution, from, end);
        String currency = cost.stream()
                .map(Figure::detailJson)
                .filter(x -> x != null && x.contains("currency"))
                .map(x -> x.replaceAll(".*\"currency\"\\s*:\\s*\"([^\"]*)\".*", "$1"))
                .findFirst()
                .orElse("");
        costChart.setHtmlContent(box(SvgLineChart.render(
                "Cost" + window,
                currency,
                from,
                end,
                List.of(new Series("all models", "#f0a020", points(cost, null, 1))),
                "No cost in this period: events carry no cost and their model is not in the price table")));
    }

    /** Personal data per kind, in per cent of the texts scanned: the kinds found at least once in the period. */
    private String personalData(Deployment d, String metric, String texts, Period p, Instant from, Instant end) {
        List<Figure> all = figures.figures(d.getName(), metric, p.resolution, from, end);
        Map<String, List<Point>> byKind = new TreeMap<>();
        all.stream()
                .filter(f -> f.subject() != null && f.value() != null && f.value() > 0)
                .map(Figure::subject)
                .distinct()
                .forEach(kind -> byKind.put(kind, points(all, kind, 100)));
        List<Series> series = new ArrayList<>();
        byKind.forEach((kind, points) -> series.add(new Series(kind, PALETTE[series.size() % PALETTE.length], points)));
        if (series.isEmpty()) {
            // none found: the line of "any kind" at zero says the texts were scanned
            series.add(new Series("none found", "#2e9d5b", points(all, null, 100)));
        }
        return SvgLineChart.render(
                "Personal data in " + texts,
                "%",
                from,
                end,
                series,
                "No " + texts + " scanned in this period: send the " + (texts.equals("prompts") ? "prompt" : "response")
                        + " text with the events");
    }

    private Series llmSeries(
            Deployment d,
            String metric,
            String subject,
            Period p,
            Instant from,
            Instant end,
            String name,
            String color,
            double scale) {
        return new Series(
                name, color, points(figures.figures(d.getName(), metric, p.resolution, from, end), subject, scale));
    }

    /** The figures of one subject (null: the whole deployment) as points, times {@code scale}. */
    private static List<Point> points(List<Figure> list, String subject, double scale) {
        return list.stream()
                .filter(f -> java.util.Objects.equals(f.subject(), subject) && f.value() != null)
                .map(f -> new Point(f.windowStart(), f.value() * scale))
                .toList();
    }

    private static String box(String svg) {
        return "<div class='aegis-chart-box'>" + svg + "</div>";
    }

    /** The newest 1 h figure of each subject, in the newest window that has this metric. */
    private List<Figure> newest(String deployment, Metric metric, Instant to) {
        List<Figure> all = figures.figures(
                deployment, metric.name(), Resolution.ONE_HOUR, to.minus(Duration.ofDays(2)), to.plusSeconds(1));
        Instant last = all.stream()
                .map(Figure::windowStart)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Map<String, Figure> bySubject = new LinkedHashMap<>();
        all.stream()
                .filter(f -> f.windowStart().equals(last))
                .sorted(Comparator.comparing(Figure::computedAt))
                .forEach(f -> bySubject.put(f.subject() == null ? "" : f.subject(), f));
        return List.copyOf(bySubject.values());
    }

    private static String window(List<Figure> list) {
        return HOUR.format(list.getFirst().windowStart()) + " UTC";
    }

    private static List<SvgBarChart.Bar> bars(List<Figure> list) {
        return list.stream()
                .filter(f -> f.subject() != null)
                .sorted(Comparator.comparing(Figure::subject))
                .map(f -> new SvgBarChart.Bar(
                        f.subject(),
                        f.value() == null ? Double.NaN : f.value(),
                        f.sampleSize() == null ? null : "(n " + f.sampleSize() + ")"))
                .toList();
    }

    private static String chart(String title, String unit, Instant from, Instant to, List<Series> series) {
        return "<div class='aegis-chart-box'>" + SvgLineChart.render(title, unit, from, to, series) + "</div>";
    }

    private static Series series(
            String name, String color, List<TrafficWindow> windows, Function<TrafficWindow, Double> value) {
        return new Series(
                name,
                color,
                windows.stream()
                        .filter(w -> value.apply(w) != null)
                        .map(w -> new Point(w.start(), value.apply(w)))
                        .toList());
    }

    private void openEditor() {
        Deployment d = deployments.get(name);
        long version = d.getVersion();
        DeploymentForm form = new DeploymentForm();
        form.show(d.details());
        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle("Edit " + d.getName());
        dialog.setWidth("48rem");
        Button save = new Button("Save", e -> {
            try {
                deployments.update(name, version, form.details());
                dialog.close();
                refresh();
            } catch (DomainRuleException ex) {
                if (!form.mark(ex)) {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                Notification.show(
                                "Someone else changed this deployment meanwhile; close and edit again.",
                                6000,
                                Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /**
     * The deployment's own personal-data patterns, one per line as "name = regular expression", and the raw-text
     * retention (blank: no text kept, the default); each field says what is wrong with it.
     */
    void openLlmSettings() {
        Deployment d = deployments.get(name);
        long version = d.getVersion();
        patterns.setValue(String.join(
                "\n",
                d.getPersonalDataPatterns().stream()
                        .map(p -> p.name() + " = " + p.regex())
                        .toList()));
        patterns.setHelperText("One per line, a name and a Java regular expression, e.g. patient number ="
                + " \\bPAT-\\d{6}\\b. Found in prompts and responses as \"personal data (deployment pattern)\".");
        patterns.setWidthFull();
        patterns.setInvalid(false);
        textDays.setValue(d.getRawTextDays());
        textDays.setMin(1);
        textDays.setHelperText("Blank: no text is kept, only the signals (the default). With a number, the text of"
                + " each call is kept that many days for investigation, then purged; every reading is audited.");
        textDays.setWidthFull();
        textDays.setInvalid(false);
        Dialog dialog = new Dialog(new VerticalLayout(patterns, textDays));
        dialog.setHeaderTitle("Personal data and text of " + d.getName());
        dialog.setWidth("min(44rem, 96vw)");
        Button save = new Button("Save", e -> {
            patterns.setInvalid(false);
            textDays.setInvalid(false);
            List<dev.aegis.monitor.PersonalDataPattern> list = new ArrayList<>();
            for (String line : patterns.getValue().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    patterns.setErrorMessage(
                            "Write each pattern as name = regular expression: '" + line.strip() + "' has no '='.");
                    patterns.setInvalid(true);
                    return;
                }
                list.add(new dev.aegis.monitor.PersonalDataPattern(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
            }
            if (textDays.getValue() == null && !textDays.isEmpty()) {
                textDays.setErrorMessage("Give a whole number of days, or leave it blank.");
                textDays.setInvalid(true);
                return;
            }
            try {
                deployments.configureLlm(name, version, list, textDays.getValue());
                dialog.close();
                refresh();
            } catch (DomainRuleException ex) {
                var field = "rawTextDays".equals(ex.field()) ? textDays : patterns;
                if (field == textDays) {
                    textDays.setErrorMessage(ex.getMessage());
                    textDays.setInvalid(true);
                } else {
                    patterns.setErrorMessage(ex.getMessage());
                    patterns.setInvalid(true);
                }
            } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                Notification.show(
                                "Someone else changed this deployment meanwhile; close and open it again.",
                                6000,
                                Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("save-llm-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(MonitorView.POLL_MS);
        poll = event.getUI().addPollListener(e -> {
            if (name != null) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}
