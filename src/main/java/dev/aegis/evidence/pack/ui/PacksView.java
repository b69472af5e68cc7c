package dev.aegis.evidence.pack.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.aegis.evidence.pack.PackService;
import dev.aegis.evidence.pack.PackService.Choice;
import dev.aegis.evidence.pack.PackView;
import dev.aegis.evidence.pack.ReportService;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.PageRequest;

/**
 * Evidence packs: the form (framework, scope, as-of date), the packs being built with their progress (the page polls
 * while one runs), the kept packs with their manifest hash, size and download; the risk register and AI system
 * profile PDFs and the OSCAL assessment results for the same choices.
 */
@Route("packs")
@PageTitle("Evidence packs · Aegis")
@Menu(order = 19, icon = "vaadin:archive", title = "Evidence packs")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class PacksView extends VerticalLayout {

    private final transient PackService packs;
    private final transient ReportService reports;
    final ComboBox<Choice> framework = new ComboBox<>("Framework");
    final Checkbox allSystems = new Checkbox("All AI systems", true);
    final MultiSelectComboBox<Choice> systems = new MultiSelectComboBox<>("AI systems");
    final DatePicker asOf = new DatePicker("As of");
    final Button build = new Button("Build pack", new Icon(VaadinIcon.ARCHIVE));
    final VerticalLayout running = new VerticalLayout();
    final Grid<PackView> grid = new Grid<>();

    PacksView(PackService packs, ReportService reports) {
        this.packs = packs;
        this.reports = reports;
        setSizeFull();
        configureForm();
        configureGrid();
        running.setPadding(false);
        running.setId("packs-running");
        add(
                new H2("Evidence packs"),
                new Paragraph("A pack is a ZIP an auditor verifies offline: a PDF (cover, "
                        + "contents, Statement of Applicability, requirements with their controls and evidence, risks, audit "
                        + "log excerpt), every evidence file as stored, manifest.json and SHA256SUMS. It shows the registers "
                        + "as they stood on the as-of date."),
                form(),
                running,
                new H3("Kept packs"),
                grid);
        refresh();
    }

    /** The inventory's systems, read once per screen: the form, the profile picker and the grid share them. */
    private List<Choice> systemChoices;

    private List<Choice> systemChoices() {
        if (systemChoices == null) {
            systemChoices = packs.systems();
        }
        return systemChoices;
    }

    private void configureForm() {
        framework.setId("pack-framework");
        List<Choice> frameworks = packs.frameworks();
        framework.setItems(frameworks);
        framework.setItemLabelGenerator(Choice::label);
        framework.setWidth("24em");
        framework.setRequiredIndicatorVisible(true);
        frameworks.stream()
                .filter(f -> f.code().startsWith("ISO-IEC-42001"))
                .findFirst()
                .ifPresent(framework::setValue);
        systems.setId("pack-systems");
        systems.setItems(systemChoices());
        systems.setItemLabelGenerator(Choice::label);
        systems.setWidth("24em");
        systems.setEnabled(false);
        allSystems.setId("pack-all-systems");
        allSystems.addValueChangeListener(e -> systems.setEnabled(!e.getValue()));
        asOf.setId("pack-as-of");
        asOf.setValue(LocalDate.now(ZoneOffset.UTC));
        asOf.setMax(LocalDate.now(ZoneOffset.UTC));
        asOf.setRequiredIndicatorVisible(true);
        build.setId("pack-build");
        build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        build.addClickListener(e -> request());
    }

    private Component form() {
        HorizontalLayout bar = new HorizontalLayout(
                framework,
                allSystems,
                systems,
                asOf,
                build,
                report("Risk register PDF", "risk-register.pdf", out -> reports.riskRegister(scope(), out)),
                report(
                        "OSCAL assessment results",
                        "assessment-results.json",
                        out -> reports.oscal(
                                framework.getValue() == null
                                        ? null
                                        : framework.getValue().code(),
                                scope(),
                                asOf.getValue(),
                                out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        VerticalLayout form = new VerticalLayout(bar, profiles());
        form.setPadding(false);
        return form;
    }

    private Component profiles() {
        ComboBox<Choice> system = new ComboBox<>("AI system profile");
        system.setId("profile-system");
        system.setItems(systemChoices());
        system.setItemLabelGenerator(Choice::label);
        Anchor download = report("Profile PDF", "system-profile.pdf", out -> {
            if (system.getValue() == null) {
                throw new DomainRuleException("system", "Choose an AI system.");
            }
            reports.systemProfile(system.getValue().id(), out);
        });
        HorizontalLayout row = new HorizontalLayout(system, download);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        row.setPadding(false);
        return row;
    }

    private List<Long> scope() {
        return allSystems.getValue()
                ? List.of()
                : systems.getValue().stream().map(Choice::id).toList();
    }

    private Anchor report(String label, String fileName, Consumer<java.io.OutputStream> writer) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(fileName);
                    event.setContentType(fileName.endsWith(".pdf") ? "application/pdf" : "application/json");
                    writer.accept(event.getOutputStream());
                },
                "");
        anchor.getElement().setAttribute("download", true);
        anchor.setId("report-" + fileName.replace('.', '-'));
        Button b = new Button(label, new Icon(VaadinIcon.DOWNLOAD));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        anchor.add(b);
        return anchor;
    }

    private void configureGrid() {
        grid.setId("packs-grid");
        grid.addColumn(p -> "#" + p.id()).setHeader("Pack").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PackView::framework).setHeader("Framework").setAutoWidth(true);
        java.util.Map<Long, String> systemNames = new java.util.HashMap<>();
        systemChoices().forEach(c -> systemNames.put(c.id(), c.label()));
        grid.addColumn(p -> p.systemIds().isEmpty()
                        ? "All AI systems"
                        : p.systemIds().stream()
                                .map(id -> systemNames.getOrDefault(id, "AI system " + id))
                                .collect(java.util.stream.Collectors.joining(", ")))
                .setHeader("Scope")
                .setFlexGrow(2);
        grid.addColumn(PackView::asOf).setHeader("As of").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.requestedBy() + " · " + dev.aegis.shared.Dates.minute(p.requestedAt()))
                .setHeader("Asked for by")
                .setAutoWidth(true);
        grid.addColumn(p -> p.sealed()
                        ? "Sealed"
                        : p.running() ? "Building " + p.progress() + " %" : "Failed: " + p.failure())
                .setHeader("State")
                .setFlexGrow(2);
        grid.addColumn(p -> p.manifestSha256() == null ? "" : p.manifestSha256())
                .setHeader("manifest.json SHA-256")
                .setFlexGrow(3);
        grid.addColumn(p -> p.size() == null ? "" : size(p.size()))
                .setHeader("Size")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::download).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> packs.list(PageRequest.of(q.getPage(), q.getPageSize())).stream());
        grid.setEmptyStateText("No packs yet: choose a framework, a scope and a date above, then Build pack.");
        grid.setSizeFull();
    }

    private Component download(PackView p) {
        if (!p.sealed()) {
            return new Span();
        }
        Anchor a = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(PackService.fileName(p));
                    event.setContentType("application/zip");
                    packs.download(p.id(), event.getOutputStream());
                },
                "");
        a.getElement().setAttribute("download", true);
        a.setId("pack-download-" + p.id());
        Button b = new Button("Download", new Icon(VaadinIcon.DOWNLOAD));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        a.add(b);
        return a;
    }

    void request() {
        try {
            PackView p = packs.request(
                    framework.getValue() == null ? null : framework.getValue().code(), scope(), asOf.getValue());
            Notification.show(
                            "Building pack #" + p.id() + "; it appears below when sealed.",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainRuleException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Shows the running packs with a progress bar; the page polls once a second while one runs. */
    void refresh() {
        running.removeAll();
        List<PackView> now = packs.running();
        for (PackView p : now) {
            ProgressBar bar = new ProgressBar(0, 100, p.progress());
            bar.setId("pack-progress-" + p.id());
            bar.setWidth("24em");
            running.add(
                    new Span("Pack #" + p.id() + " (" + p.framework() + ", as of " + p.asOf() + "): " + p.progress()
                            + " %"),
                    bar);
        }
        grid.getDataProvider().refreshAll();
        getUI().ifPresent(ui -> ui.setPollInterval(now.isEmpty() ? -1 : 1000));
    }

    private com.vaadin.flow.shared.Registration polling;

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private static String size(long bytes) {
        return bytes < 1024
                ? bytes + " B"
                : bytes < 1024 * 1024
                        ? (bytes / 1024) + " KB"
                        : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
