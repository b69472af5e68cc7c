package dev.aegis.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.audit.AuditEntry;
import dev.aegis.audit.AuditLog;
import dev.aegis.audit.AuditVocabulary;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The audit log: filter by actor, object, action and time; verify the chain; export CSV. */
@Route("audit")
@PageTitle("Audit log · Aegis")
@Menu(order = 90, icon = "vaadin:clipboard-text", title = "Audit log")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final transient AuditLog log;
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final TextField actor = new TextField("Actor");
    final TextField objectType = new TextField("Object type");
    final TextField objectId = new TextField("Object id");
    final TextField action = new TextField("Action");
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker to = new DateTimePicker("To (UTC)");
    final Span chainStatus = new Span();
    final Button verify = new Button("Verify chain", new Icon(VaadinIcon.CHECK_CIRCLE));

    AuditView(AuditLog log) {
        this.log = log;
        setSizeFull();
        configureGrid();
        add(new H2("Audit log"), filters(), toolbar(), grid);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addColumn(AuditEntry::getId)
                .setHeader("#")
                .setKey("id")
                .setSortable(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> TIME.format(e.getOccurredAt()))
                .setHeader("When (UTC)")
                .setKey("occurredAt")
                .setSortProperty("occurredAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.getActor() == null ? "system" : e.getActor())
                .setHeader("Actor")
                .setSortProperty("actor")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> AuditVocabulary.action(e.getAction()))
                .setHeader("Action")
                .setSortProperty("action")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTooltipGenerator(AuditEntry::getAction);
        grid.addColumn(e -> AuditVocabulary.object(e.getObjectType(), e.getObjectId(), e.getObjectLabel()))
                .setHeader("Object")
                .setKey("object")
                .setSortProperty("objectType")
                .setWidth("16rem")
                .setFlexGrow(0)
                .setPartNameGenerator(e -> "aegis-lines")
                .setTooltipGenerator(e -> AuditVocabulary.objectType(e.getObjectType())
                        + (e.getObjectId() == null ? "" : " · id " + e.getObjectId()));
        // field: before → after, one line each; the whole entry on hover
        grid.addColumn(e -> AuditVocabulary.changesShort(e.getChanges(), 4))
                .setHeader("Changes")
                .setKey("changes")
                .setFlexGrow(1)
                .setWidth("20rem")
                .setPartNameGenerator(e -> "aegis-lines")
                .setTooltipGenerator(e -> String.join("\n", AuditVocabulary.changes(e.getChanges())));
        grid.setItems(
                query -> log.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) log.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("id"), SortDirection.DESCENDING)));
        grid.setEmptyStateText("No entries match these filters.");
        grid.setSizeFull();
    }

    private Component filters() {
        for (TextField f : List.of(actor, objectType, objectId, action)) {
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        actor.setId("filter-actor");
        action.setId("filter-action");
        HorizontalLayout row = new HorizontalLayout(actor, action, objectType, objectId, from, to);
        row.setWrap(true);
        return row;
    }

    private Component toolbar() {
        verify.setId("verify-chain");
        verify.addClickListener(e -> showVerification());
        chainStatus.setId("chain-status");
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = new java.io.ByteArrayOutputStream();
                    var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                    log.exportCsv(filter(), writer);
                    return new DownloadResponse(
                            new java.io.ByteArrayInputStream(bytes.toByteArray()),
                            "aegis-audit-"
                                    + LocalDateTime.now(ZoneOffset.UTC)
                                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                                    + ".csv",
                            "text/csv",
                            bytes.size());
                }),
                "");
        Button exportButton = new Button("Export CSV", new Icon(VaadinIcon.DOWNLOAD));
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.setId("export-csv");
        export.getElement().setAttribute("download", true);
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = new java.io.ByteArrayOutputStream();
                    log.exportPdf(filter(), bytes);
                    return new DownloadResponse(
                            new java.io.ByteArrayInputStream(bytes.toByteArray()),
                            "aegis-audit-"
                                    + LocalDateTime.now(ZoneOffset.UTC)
                                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                                    + ".pdf",
                            "application/pdf",
                            bytes.size());
                }),
                "");
        Button pdfButton = new Button("Export PDF", new Icon(VaadinIcon.FILE_TEXT_O));
        pdfButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        pdf.add(pdfButton);
        pdf.setId("export-pdf");
        pdf.getElement().setAttribute("download", true);
        HorizontalLayout bar = new HorizontalLayout(verify, chainStatus, export, pdf);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return bar;
    }

    void showVerification() {
        AuditLog.Verification v = log.verify();
        chainStatus.removeClassNames("aegis-chain-ok", "aegis-chain-broken");
        chainStatus.setText(v.finding());
        chainStatus.addClassNames(v.intact() ? "aegis-chain-ok" : "aegis-chain-broken");
    }

    AuditLog.Filter filter() {
        return new AuditLog.Filter(
                actor.getValue(),
                objectType.getValue(),
                objectId.getValue(),
                action.getValue(),
                instant(from.getValue()),
                instant(to.getValue()));
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
