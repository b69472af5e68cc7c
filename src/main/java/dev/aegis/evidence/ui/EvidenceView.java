package dev.aegis.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.evidence.EvidenceDetails;
import dev.aegis.evidence.EvidenceExpiry;
import dev.aegis.evidence.EvidenceExport;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.evidence.EvidenceKind;
import dev.aegis.evidence.EvidenceService;
import dev.aegis.evidence.EvidenceService.Filter;
import dev.aegis.evidence.ui.EvidenceForm.Ref;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.files.UploadInspector;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.DateCells;
import dev.aegis.shared.ui.Downloads;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The evidence register: a grid paged and sorted by the database, filtered by text, kind, control, AI system and
 * expiry (the filters live in the address: {@code evidence?system=3&expiring=true}), exports, and a dialog to add a
 * file or a link. A click opens the item ({@code evidence/<id>}).
 */
@Route("evidence")
@PageTitle("Evidence · Aegis")
@Menu(order = 18, icon = "vaadin:file-text-o", title = "Evidence")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER"})
public class EvidenceView extends VerticalLayout implements BeforeEnterObserver {

    private final transient EvidenceService evidence;
    private final transient EvidenceExpiry expiry;
    private final transient EvidenceExport export;
    private final transient Lookups lookups;
    private final transient UploadInspector inspector;
    final Grid<EvidenceItem> grid = new Grid<>(EvidenceItem.class, false);
    final TextField text = new TextField();
    final ComboBox<EvidenceKind> kind = new ComboBox<>("Kind", EvidenceKind.values());
    final ComboBox<Ref> control = new ComboBox<>("Control");
    final ComboBox<Ref> system = new ComboBox<>("AI system");
    final Checkbox expiring = new Checkbox();
    final Button create = new Button("Add evidence", new Icon(VaadinIcon.PLUS));
    final Dialog dialog = new Dialog();
    final EvidenceForm form;
    final RadioButtonGroup<EvidenceKind> newKind = new RadioButtonGroup<>("It is");
    final Upload upload = new Upload();
    final TextField url = new TextField("Address (http or https)");
    final Span uploaded = new Span();
    final Button save = new Button("Add");
    private InspectedFile pending;
    private boolean applyingQuery;

    EvidenceView(
            EvidenceService evidence,
            EvidenceExpiry expiry,
            EvidenceExport export,
            Lookups lookups,
            UploadInspector inspector) {
        this.evidence = evidence;
        this.expiry = expiry;
        this.export = export;
        this.lookups = lookups;
        this.inspector = inspector;
        this.form = new EvidenceForm(
                lookups.controlSearch(), lookups.requirementSearch(), lookups.systemSearch(), lookups.people());
        setSizeFull();
        configureGrid();
        configureDialog();
        add(new H2("Evidence register"), toolbar(), grid);
    }

    private void configureGrid() {
        grid.setId("evidence-grid");
        grid.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
        grid.addColumn(EvidenceItem::getTitle)
                .setWidth("11rem")
                .setHeader("Evidence")
                .setKey("title")
                .setSortProperty("title")
                .setFlexGrow(3)
                .setTooltipGenerator(EvidenceItem::getTitle);
        grid.addColumn(i -> i.getKind().label())
                .setHeader("Kind")
                .setSortProperty("kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(EvidenceItem::getOwner)
                .setHeader("Owner")
                .setSortProperty("owner")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(i -> text(i.getCollectedOn()))
                .setHeader("Collected")
                .setSortProperty("collectedOn")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // a period over two lines ("2026-10-27 –" / "2027-11-06"): the titles keep the width
        DateCells.add(grid, i -> period(i.getEffectiveFrom(), i.getEffectiveTo()))
                .setHeader("Covers")
                .setSortProperty("effectiveFrom")
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::expiry)
                .setHeader("Expires")
                .setSortProperty("expiresOn")
                .setKey("expiresOn")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(i -> i.isReviewed() ? "✓ " + i.getReviewedBy() : "not yet")
                .setHeader("Reviewed")
                .setSortProperty("reviewedAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(q -> evidence.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(), q ->
                (int) evidence.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("title"), SortDirection.ASCENDING)));
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate("evidence/" + e.getItem().getId()));
        grid.setEmptyStateText("No evidence matches. Add a file or a link with “Add evidence”, or clear the filters; "
                + "telemetry test results and vendor assessment decisions appear here by themselves.");
        grid.setSizeFull();
    }

    private Component expiry(EvidenceItem i) {
        Span s = new Span(text(i.getExpiresOn()));
        if (i.getExpiresOn() != null) {
            LocalDate today = LocalDate.now();
            if (!i.getExpiresOn().isAfter(today)) {
                s.setText(i.getExpiresOn() + " · expired");
                s.getElement().getThemeList().add("badge error");
            } else if (!i.getExpiresOn().isAfter(today.plusDays(expiry.warningDays()))) {
                s.getElement().getThemeList().add("badge contrast");
            }
        }
        return s;
    }

    private Component toolbar() {
        text.setPlaceholder("Search title, description, owner");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        kind.setItemLabelGenerator(EvidenceKind::label);
        kind.setClearButtonVisible(true);
        kind.addValueChangeListener(e -> refresh());
        control.setId("evidence-filter-control");
        control.setItemLabelGenerator(Ref::label);
        control.setItems(lookups.controlSearch());
        control.setClearButtonVisible(true);
        control.addValueChangeListener(e -> refresh());
        system.setId("evidence-filter-system");
        system.setItemLabelGenerator(Ref::label);
        system.setItems(lookups.systemSearch());
        system.setClearButtonVisible(true);
        system.addValueChangeListener(e -> refresh());
        expiring.setId("evidence-filter-expiring");
        expiring.setLabel("Expired or expiring within " + expiry.warningDays() + " days");
        expiring.addValueChangeListener(e -> refresh());
        create.setId("new-evidence");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(evidence.mayAdd());
        create.addClickListener(e -> openNew());
        HorizontalLayout bar = new HorizontalLayout(
                text,
                kind,
                control,
                system,
                expiring,
                create,
                Downloads.export(
                        "evidence-export-csv",
                        "evidence",
                        TabularFormat.CSV,
                        out -> export.export(filter(), TabularFormat.CSV, out)),
                Downloads.export(
                        "evidence-export-xlsx",
                        "evidence",
                        TabularFormat.XLSX,
                        out -> export.export(filter(), TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private void configureDialog() {
        dialog.setHeaderTitle("Add evidence");
        dialog.setWidth("min(56rem, 96vw)");
        newKind.setItems(EvidenceKind.FILE, EvidenceKind.LINK);
        newKind.setItemLabelGenerator(
                k -> k == EvidenceKind.FILE ? "A file to upload" : "A link to evidence kept elsewhere");
        newKind.setValue(EvidenceKind.FILE);
        newKind.addValueChangeListener(e -> showKind());
        upload.setId("evidence-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, inspector.maxBytes()));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> receive(metadata.fileName(), data));
        }));
        upload.addFileRejectedListener(e -> refuse(e.getErrorMessage()));
        url.setId("evidence-url");
        url.setWidthFull();
        save.setId("evidence-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveNew());
        dialog.add(newKind, upload, uploaded, url, form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        showKind();
    }

    private void showKind() {
        boolean file = newKind.getValue() == EvidenceKind.FILE;
        upload.setVisible(file);
        uploaded.setVisible(file);
        url.setVisible(!file);
    }

    /** A file arrived: inspect it now so the person learns at once when it is refused. */
    void receive(String fileName, byte[] data) {
        try {
            pending = inspector.inspect("file", fileName, new ByteArrayInputStream(data));
            uploaded.setText(pending.name() + " · " + pending.mediaType() + " · "
                    + InspectedFile.readableSize(pending.size()) + " · SHA-256 " + pending.sha256());
            if (form.title.isEmpty()) {
                form.title.setValue(pending.name());
            }
        } catch (DomainRuleException e) {
            pending = null;
            upload.clearFileList();
            refuse(e.getMessage());
        }
    }

    void openNew() {
        openNew(Set.of());
    }

    /** Opens the dialog for new evidence, linked to these AI systems. */
    void openNew(Set<Long> systemIds) {
        pending = null;
        uploaded.setText("");
        upload.clearFileList();
        url.clear();
        url.setInvalid(false);
        newKind.setValue(EvidenceKind.FILE);
        form.show(
                new EvidenceDetails(
                        "",
                        null,
                        dev.aegis.shared.Actors.current(),
                        LocalDate.now(),
                        null,
                        null,
                        null,
                        Set.of(),
                        Set.of(),
                        systemIds),
                Set.of(),
                Set.of(),
                lookups.systems(systemIds));
        dialog.open();
    }

    void saveNew() {
        EvidenceDetails details = form.read();
        if (details == null) {
            return;
        }
        try {
            EvidenceItem item;
            if (newKind.getValue() == EvidenceKind.FILE) {
                if (pending == null) {
                    refuse("Upload the file first.");
                    return;
                }
                item = evidence.addFile(details, pending.name(), new ByteArrayInputStream(pending.content()));
            } else {
                item = evidence.addLink(details, url.getValue());
            }
            dialog.close();
            Notification.show("Evidence added.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate("evidence/" + item.getId());
        } catch (DomainRuleException e) {
            if ("url".equals(e.field())) {
                url.setErrorMessage(e.getMessage());
                url.setInvalid(true);
            } else if (!form.showRefusal(e)) {
                refuse(e.getMessage());
            }
        } catch (AccessDeniedException e) {
            refuse(e.getMessage());
        }
    }

    Filter filter() {
        return new Filter(
                text.getValue(),
                kind.getValue(),
                control.getValue() == null ? null : control.getValue().id(),
                system.getValue() == null ? null : system.getValue().id(),
                expiring.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        if (!applyingQuery) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            if (system.getValue() != null) {
                params.put("system", String.valueOf(system.getValue().id()));
            }
            if (control.getValue() != null) {
                params.put("control", String.valueOf(control.getValue().id()));
            }
            if (expiring.getValue()) {
                params.put("expiring", "true");
            }
            UI.getCurrent()
                    .getPage()
                    .getHistory()
                    .replaceState(
                            null, new com.vaadin.flow.router.Location("evidence", QueryParameters.simple(params)));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        applyingQuery = true;
        try {
            first(params, "system")
                    .ifPresent(id ->
                            lookups.systems(Set.of(id)).stream().findFirst().ifPresent(system::setValue));
            first(params, "control")
                    .ifPresent(id ->
                            lookups.controls(Set.of(id)).stream().findFirst().ifPresent(control::setValue));
            expiring.setValue(params.getOrDefault("expiring", List.of()).contains("true"));
            if (params.containsKey("new") && evidence.mayAdd()) {
                openNew(first(params, "system").map(Set::of).orElse(Set.of()));
            }
        } finally {
            applyingQuery = false;
        }
    }

    private static java.util.Optional<Long> first(Map<String, List<String>> params, String name) {
        try {
            return params.getOrDefault(name, List.of()).stream().findFirst().map(Long::parseLong);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void refuse(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static String text(LocalDate d) {
        return d == null ? "–" : d.toString();
    }

    static String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "–";
        }
        if (to == null) {
            return "from " + from;
        }
        return (from == null ? "until " + to : from + " – " + to);
    }

    static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return p;
    }
}
