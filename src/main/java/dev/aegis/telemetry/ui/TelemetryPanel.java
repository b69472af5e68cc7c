package dev.aegis.telemetry.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.aegis.control.ControlService;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.MetricVocabulary;
import dev.aegis.shared.ui.SvgBarChart;
import dev.aegis.shared.ui.SvgLineChart;
import dev.aegis.shared.ui.SvgLineChart.Point;
import dev.aegis.shared.ui.SvgLineChart.Series;
import dev.aegis.telemetry.LiveTelemetry;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetrySource;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The telemetry tab of an AI system's page: the monitored deployments it is linked to, each with whether its source
 * answers (live, or stale since when), traffic, error rate, latency p50/p95/p99, drift per feature, selection rate
 * per group and open alerts over a chosen range, refreshed by itself while the page is open; then its telemetry tests.
 * Every {@value #REFRESH_MS} ms a background task pulls the figures (outside the session lock, as the signed-in user)
 * and pushes the new picture to the browser; where push is off, the page polls instead.
 */
@org.springframework.stereotype.Component
class TelemetryPanel implements SystemPagePanel {

    static final int REFRESH_MS = 10_000;
    static final Map<String, Duration> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("Last hour", Duration.ofHours(1));
        RANGES.put("Last 6 hours", Duration.ofHours(6));
        RANGES.put("Last day", Duration.ofDays(1));
        RANGES.put("Last week", Duration.ofDays(7));
        RANGES.put("Last 30 days", Duration.ofDays(30));
    }

    private final TelemetryService telemetry;
    private final LiveTelemetry live;
    private final ControlService controls;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("telemetry-refresh").factory());

    TelemetryPanel(TelemetryService telemetry, LiveTelemetry live, ControlService controls) {
        this.telemetry = telemetry;
        this.live = live;
        this.controls = controls;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    @Override
    public int order() {
        return 30;
    }

    /** Its own tab, built when first shown: nothing is pulled from a source until someone wants to see it. */
    @Override
    public String tab() {
        return "Telemetry";
    }

    @Override
    public Component render(long systemId) {
        return new Panel(systemId);
    }

    final class Panel extends VerticalLayout {

        final long systemId;
        final boolean manage;
        final Select<String> range = new Select<>();
        final Div deployments = new Div();
        final ComboBox<TelemetrySource> source = new ComboBox<>("Source");
        final TextField deployment = new TextField("Deployment");
        final Button link = new Button("Link deployment");
        final Span updated = new Span();
        private Registration polling;
        private ScheduledFuture<?> pushing;
        private TelemetryTestsSection tests;
        private volatile boolean active;

        Panel(long systemId) {
            this.systemId = systemId;
            this.manage = telemetry.mayManage(systemId);
            setId("system-telemetry");
            setPadding(false);
            setWidthFull();
            range.setLabel("Time range");
            range.setItems(RANGES.keySet());
            range.setValue("Last hour");
            range.setId("telemetry-range");
            range.addValueChangeListener(e -> refresh());
            deployments.setWidthFull();
            updated.setId("telemetry-updated");
            HorizontalLayout bar = new HorizontalLayout(range, updated);
            bar.setAlignItems(Alignment.BASELINE);
            add(bar, deployments);
            if (manage) {
                add(linkForm());
            }
            tests = new TelemetryTestsSection(telemetry, controls, systemId, manage);
            add(tests);
        }

        /** Starts showing (and refreshing) when its tab is shown; stops when another tab is chosen. */
        void activate(boolean opened) {
            active = opened;
            if (opened) {
                refresh();
                tests.refresh();
            }
        }

        private Component linkForm() {
            source.setItems(telemetry.sources());
            source.setItemLabelGenerator(TelemetrySource::getName);
            source.setId("link-source");
            deployment.setId("link-deployment");
            deployment.setPlaceholder("e.g. sentiment-vader");
            link.setId("link-deployment-button");
            link.addClickListener(e -> {
                source.setInvalid(false);
                deployment.setInvalid(false);
                if (source.getValue() == null) {
                    source.setErrorMessage("Choose the source.");
                    source.setInvalid(true);
                    return;
                }
                try {
                    telemetry.link(systemId, source.getValue().getId(), deployment.getValue());
                    deployment.clear();
                    refresh();
                } catch (DomainRuleException ex) {
                    deployment.setErrorMessage(ex.getMessage());
                    deployment.setInvalid(true);
                }
            });
            HorizontalLayout form = new HorizontalLayout(source, deployment, link);
            form.setAlignItems(Alignment.BASELINE);
            return form;
        }

        @Override
        protected void onAttach(AttachEvent event) {
            activate(true); // its tab is shown
            UI ui = event.getUI();
            if (ui.getPushConfiguration().getPushMode().isEnabled()) {
                SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
                signedIn.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
                pushing = refresher.scheduleWithFixedDelay(
                        () -> pushRefresh(ui, signedIn), REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
            } else {
                ui.setPollInterval(REFRESH_MS);
                polling = ui.addPollListener(e -> {
                    if (active) {
                        refresh();
                    }
                });
            }
        }

        @Override
        protected void onDetach(DetachEvent event) {
            active = false; // another tab is shown, or the page left
            if (pushing != null) {
                pushing.cancel(false);
            }
            if (polling != null) {
                polling.remove();
                event.getUI().setPollInterval(-1);
            }
        }

        /** Pulls as the signed-in user on the refresher's thread, then draws under the session lock. */
        private void pushRefresh(UI ui, SecurityContext signedIn) {
            if (!active) {
                return;
            }
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(signedIn);
            try {
                Duration chosen = RANGES.get(range.getValue());
                List<LiveTelemetry.Deployment> list = live.of(systemId, chosen);
                ui.access(() -> show(list));
            } catch (RuntimeException e) {
                // the UI went away, or the session ended: the next attach starts afresh
                if (pushing != null && (ui.isClosing() || !ui.isAttached())) {
                    pushing.cancel(false);
                }
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }

        void refresh() {
            show(live.of(systemId, RANGES.get(range.getValue())));
        }

        private void show(List<LiveTelemetry.Deployment> list) {
            deployments.removeAll();
            updated.setText("updated "
                    + java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0) + " UTC");
            if (list.isEmpty()) {
                Paragraph empty = new Paragraph(
                        manage
                                ? "No monitored deployment is linked to this system yet. Choose a source and name the deployment below."
                                : "No monitored deployment is linked to this system yet; its owners or a governance officer link one.");
                empty.setId("telemetry-empty");
                deployments.add(empty);
                return;
            }
            list.forEach(d -> deployments.add(deployment(d)));
        }

        private Component deployment(LiveTelemetry.Deployment d) {
            VerticalLayout box = new VerticalLayout();
            box.setPadding(false);
            box.addClassName("telemetry-deployment");
            Paragraph status =
                    new Paragraph(d.status() == null ? "" : d.status().describe());
            status.addClassName(d.status() != null && d.status().live() ? "telemetry-live" : "telemetry-stale");
            status.getStyle()
                    .set(
                            "color",
                            d.status() != null && d.status().live()
                                    ? "var(--lumo-success-text-color)"
                                    : "var(--lumo-error-text-color)");
            HorizontalLayout title = new HorizontalLayout(new H4(d.deployment() + " · " + d.source()), status);
            title.setAlignItems(Alignment.BASELINE);
            if (manage) {
                Button unlink = new Button("Unlink", e -> {
                    telemetry.unlink(systemId, d.linkId());
                    refresh();
                });
                unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                title.add(unlink);
            }
            box.add(title);
            if (d.problem() != null && d.windows().isEmpty()) {
                box.add(new Paragraph("No figures to show: " + d.problem() + "."));
                return box;
            }
            box.add(new Paragraph(summary(d)));
            box.add(chart(SvgLineChart.render(
                    "Latency",
                    "ms",
                    d.from(),
                    d.to(),
                    List.of(
                            series("p50", "#1676f3", d, w -> w.p50()),
                            series("p95", "#e8a33d", d, w -> w.p95()),
                            series("p99", "#d9352b", d, w -> w.p99())))));
            box.add(chart(SvgLineChart.render(
                    "Traffic and error rate",
                    "events, % errors",
                    d.from(),
                    d.to(),
                    List.of(
                            series("events", "#1676f3", d, w -> (double) w.count()),
                            series("error %", "#d9352b", d, w -> w.errorRate() * 100)))));
            if (d.llm() != null) {
                llmCharts(box, d);
            }
            // an LLM deployment without features or groups has no drift or fairness to show: its charts are left out
            if (d.llm() == null || !d.drift().isEmpty() || !d.selectionRates().isEmpty()) {
                box.add(chart(SvgBarChart.render(
                        "Drift: PSI per feature, newest hour",
                        d.drift().stream()
                                .map(f -> new SvgBarChart.Bar(f.subject(), f.value(), "n=" + f.sampleSize()))
                                .toList(),
                        0.2,
                        "No drift computed yet (the deployment needs a reference and an hour of traffic)")));
                box.add(chart(SvgBarChart.render(
                        "Fairness: selection rate per group, newest hour"
                                + (d.parityDifference() == null
                                        ? ""
                                        : String.format(
                                                Locale.ROOT, " (parity difference %.3f)", d.parityDifference())),
                        d.selectionRates().stream()
                                .map(f -> new SvgBarChart.Bar(f.subject(), f.value(), "n=" + f.sampleSize()))
                                .toList(),
                        null,
                        "No groups in the traffic")));
            }
            Grid<LiveTelemetry.OpenAlert> alerts = new Grid<>();
            alerts.addColumn(a -> MetricVocabulary.metric(a.metric())).setHeader("Open alert");
            alerts.addColumn(LiveTelemetry.OpenAlert::subject).setHeader("Subject");
            alerts.addColumn(a -> MetricVocabulary.format(a.metric(), a.value()) + " (limit "
                            + MetricVocabulary.format(a.metric(), a.threshold()) + ")")
                    .setHeader("Value");
            alerts.addColumn(a -> dev.aegis.shared.Dates.minute(a.openedAt()))
                    .setHeader("Open since")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            alerts.setItems(d.alerts());
            alerts.setAllRowsVisible(true);
            if (d.alerts().isEmpty()) {
                box.add(new Paragraph("No open alerts."));
            } else {
                box.add(alerts);
            }
            return box;
        }

        /** The LLM figures over the range: risk signals in per cent, tokens and cost per window. */
        private static void llmCharts(VerticalLayout box, LiveTelemetry.Deployment d) {
            LiveTelemetry.LlmFigures llm = d.llm();
            String none = "No LLM figures in this range yet: they are computed for each complete window";
            Div charts = new Div(
                    chart(SvgLineChart.render(
                            "Prompt-injection attempts and refusals",
                            "%",
                            d.from(),
                            d.to(),
                            List.of(
                                    llmSeries("injection attempts", "#d9352b", llm.injectionRate(), 100),
                                    llmSeries("refusals", "#6b7a8f", llm.refusalRate(), 100)),
                            none)),
                    chart(SvgLineChart.render(
                            "Personal data (any kind)",
                            "%",
                            d.from(),
                            d.to(),
                            List.of(
                                    llmSeries("in prompts", "#8e44ad", llm.personalDataInPrompts(), 100),
                                    llmSeries("in responses", "#f0a020", llm.personalDataInResponses(), 100)),
                            none)),
                    chart(SvgLineChart.render(
                            "Tokens per window",
                            "",
                            d.from(),
                            d.to(),
                            List.of(
                                    llmSeries("input", "#1676f3", llm.inputTokens(), 1),
                                    llmSeries("output", "#2e9d5b", llm.outputTokens(), 1)),
                            none)),
                    chart(SvgLineChart.render(
                            "Cost per window",
                            llm.currency(),
                            d.from(),
                            d.to(),
                            List.of(llmSeries("all models", "#f0a020", llm.cost(), 1)),
                            "No cost in this range: the calls carry no cost and their model is not in the price"
                                    + " table")));
            charts.addClassName("aegis-charts");
            charts.setId("telemetry-llm");
            charts.setWidthFull();
            box.add(charts);
        }

        private static Series llmSeries(String name, String color, List<LiveTelemetry.Point> points, double scale) {
            return new Series(
                    name,
                    color,
                    points.stream()
                            .map(p -> new Point(p.start(), p.value() * scale))
                            .toList());
        }

        private static String summary(LiveTelemetry.Deployment d) {
            long count =
                    d.windows().stream().mapToLong(LiveTelemetry.Window::count).sum();
            long errors =
                    d.windows().stream().mapToLong(LiveTelemetry.Window::errors).sum();
            var last = d.windows().stream()
                    .filter(w -> w.count() > 0)
                    .reduce((a, b) -> b)
                    .orElse(null);
            return String.format(
                            Locale.ROOT,
                            "%d events, %.2f %% errors in the range",
                            count,
                            count == 0 ? 0.0 : 100.0 * errors / count)
                    + (last == null || last.p95() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; latest window p50 %.0f ms, p95 %.0f ms, p99 %.0f ms",
                                    last.p50(),
                                    last.p95(),
                                    last.p99()));
        }

        private static Series series(
                String name,
                String color,
                LiveTelemetry.Deployment d,
                java.util.function.Function<LiveTelemetry.Window, Double> value) {
            return new Series(
                    name,
                    color,
                    d.windows().stream()
                            .filter(w -> value.apply(w) != null)
                            .map(w -> new Point(w.start(), value.apply(w)))
                            .toList());
        }

        private static Html chart(String svg) {
            return new Html("<div class='aegis-chart-box'>" + svg + "</div>");
        }
    }

    static void show(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START);
    }
}
