package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.CorrectionVocabulary.NcStatus;
import dev.aegis.aims.NonconformityService;
import dev.aegis.aims.NonconformityService.Details;
import dev.aegis.aims.NonconformityService.NcSummary;
import dev.aegis.aims.NonconformityService.NcView;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.DateCells;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * Nonconformities and improvement opportunities (ISO/IEC 42001 10.1, 10.2) with their corrective actions: raised from
 * audit findings, telemetry findings, vendor assessments or by hand. Officers raise and treat them; auditors read.
 */
@Route("aims/nonconformities")
@PageTitle("Nonconformities · Aegis")
@Menu(order = 29.3, icon = "vaadin:wrench", title = "Nonconformities")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class NonconformitiesView extends VerticalLayout implements BeforeEnterObserver {

    private final transient NonconformityService ncs;
    private final transient AimsDocumentService aims;
    final Grid<NcSummary> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    NonconformitiesView(NonconformityService ncs, AimsDocumentService aims) {
        this.ncs = ncs;
        this.aims = aims;
        setSizeFull();
        Button raise = new Button("Raise a nonconformity", new Icon(VaadinIcon.PLUS), e -> openRaise());
        raise.setId("aims-raise-nc");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        raise.setVisible(ncs.mayWrite());
        HorizontalLayout bar = new HorizontalLayout(
                raise,
                Downloads.export(
                        "aims-ncs-csv",
                        "aims-nonconformities",
                        TabularFormat.CSV,
                        out -> ncs.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-ncs-xlsx",
                        "aims-nonconformities",
                        TabularFormat.XLSX,
                        out -> ncs.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        empty.setId("aims-ncs-empty");
        add(
                new H2("Nonconformities"),
                new Paragraph("Nonconformities and improvement opportunities with their containment, root cause and"
                        + " corrective actions (ISO/IEC 42001 10.1 and 10.2). One is closed only when someone who owns"
                        + " none of its actions found them effective; one closed in the last twelve months meets 10.2"
                        + " in Coverage."),
                bar,
                empty,
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-ncs");
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(NcSummary::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // fits 1280 px without sideways scrolling: narrow columns wrap, dates never break inside
        grid.addColumn(s -> s.kind().label())
                .setHeader("Kind")
                .setWidth("8.5rem")
                .setFlexGrow(0);
        grid.addColumn(NcSummary::title).setHeader("Title").setWidth("9rem").setFlexGrow(3);
        grid.addColumn(s -> s.sourceLabel() == null ? s.source().label() : s.sourceLabel())
                .setHeader("Raised from")
                .setWidth("8rem")
                .setFlexGrow(2);
        NameCells.add(grid, NcSummary::ownerName)
                .setHeader("Owner")
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addComponentColumn(s -> badge(s.status()))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.actions() == 0 ? "None yet" : s.actionsDone() + " of " + s.actions() + " done")
                .setHeader("Actions")
                .setWidth("6rem")
                .setFlexGrow(0);
        DateCells.add(grid, s -> s.nextDue() == null ? "" : Dates.day(s.nextDue()))
                .setHeader("Next due")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(NonconformityPage.class, e.getItem().id())));
        grid.setSizeFull();
    }

    static Span badge(NcStatus status) {
        Span badge = new Span(status.label());
        badge.addClassName("aegis-badge");
        switch (status) {
            case CLOSED -> badge.addClassName("aegis-cov-covered");
            case IN_TREATMENT -> badge.addClassName("aegis-badge-review");
            default -> {}
        }
        return badge;
    }

    /**
     * The finding and vendor assessment pages send officers here with {@code ?telemetryFinding=<id>} or
     * {@code ?vendorAssessment=<id>}: the form opens with what the service proposes for that source.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!ncs.mayWrite()) {
            return;
        }
        var params = event.getLocation().getQueryParameters();
        try {
            params.getSingleParameter("telemetryFinding")
                    .map(Long::parseLong)
                    .ifPresent(id -> openRaise(Source.TELEMETRY_FINDING, id, ncs.proposeFromTelemetryFinding(id)));
            params.getSingleParameter("vendorAssessment")
                    .map(Long::parseLong)
                    .ifPresent(id -> openRaise(Source.VENDOR_ASSESSMENT, id, ncs.proposeFromVendorAssessment(id)));
        } catch (NumberFormatException | dev.aegis.shared.NotFoundException e) {
            AimsUi.error("There is no such finding or vendor assessment to raise a nonconformity from.");
        }
    }

    /** Where a nonconformity raised on this screen comes from. */
    enum Source {
        BY_HAND,
        TELEMETRY_FINDING,
        VENDOR_ASSESSMENT
    }

    /** The raise form, open (for tests). */
    Dialog raiseDialog;

    void openRaise() {
        openRaise(Source.BY_HAND, 0, null);
    }

    void openRaise(Source source, long sourceId, Details proposed) {
        Dialog d = new Dialog(
                switch (source) {
                    case BY_HAND -> "Raise a nonconformity";
                    case TELEMETRY_FINDING -> "Raise a nonconformity from telemetry finding #" + sourceId;
                    case VENDOR_ASSESSMENT -> "Raise a nonconformity from a vendor assessment";
                });
        raiseDialog = d;
        Select<NcKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(NcKind.values());
        kind.setItemLabelGenerator(NcKind::label);
        kind.setValue(NcKind.NONCONFORMITY);
        TextField title = FormFields.limit(new TextField("Title"), 200);
        TextArea description = FormFields.limit(new TextArea("What does not conform"), 4000);
        ComboBox<String> owner = FormFields.people("Owner of the correction", aims.people());
        List.of(title, description).forEach(f -> f.setWidthFull());
        owner.setWidthFull();
        title.setId("aims-nc-title");
        description.setId("aims-nc-description");
        if (proposed != null) {
            // a telemetry finding or vendor assessment raises a nonconformity, not an improvement
            kind.setReadOnly(true);
            title.setValue(proposed.title());
            description.setValue(proposed.description());
        }
        VerticalLayout form = new VerticalLayout(kind, title, description, owner);
        form.setPadding(false);
        form.setWidth("min(40rem, 90vw)");
        d.add(form);
        Button save = new Button("Raise", e -> {
            try {
                NcView v = switch (source) {
                    case BY_HAND ->
                        ncs.raise(new Details(
                                kind.getValue(), title.getValue(), description.getValue(), owner.getValue()));
                    case TELEMETRY_FINDING ->
                        ncs.raiseFromTelemetryFinding(
                                sourceId, title.getValue(), description.getValue(), owner.getValue());
                    case VENDOR_ASSESSMENT ->
                        ncs.raiseFromVendorAssessment(
                                sourceId, title.getValue(), description.getValue(), owner.getValue());
                };
                d.close();
                getUI().ifPresent(ui -> ui.navigate(NonconformityPage.class, v.id()));
            } catch (DomainRuleException ex) {
                AimsUi.refuse(
                        ex,
                        Map.<String, Component>of(
                                "kind", kind, "title", title, "description", description, "owner", owner));
            }
        });
        save.setId("aims-save-nc");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void refresh() {
        List<NcSummary> all = ncs.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                ncs.mayWrite()
                        ? "No nonconformity is recorded. Raise one by hand, or from an internal audit's finding on the"
                                + " audit's page."
                        : "No nonconformity is recorded.");
    }
}
