package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.DocumentSummary;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.shared.Dates;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.NameCells;
import java.util.List;

/**
 * A register of controlled AIMS documents of some kinds: reference, title, owner, where the latest version stands,
 * the version in force with its dates and, for policies, how many people acknowledged it. A row opens the document.
 */
abstract class DocumentRegister extends VerticalLayout {

    protected final transient AimsDocumentService aims;
    private final List<DocumentKind> kinds;
    final Grid<DocumentSummary> grid = new Grid<>();
    final Button create;
    final Paragraph empty = new Paragraph();

    DocumentRegister(
            AimsDocumentService aims,
            List<DocumentKind> kinds,
            String heading,
            String intro,
            String createLabel,
            String exportStem) {
        this.aims = aims;
        this.kinds = kinds;
        setSizeFull();
        create = new Button(createLabel, new Icon(VaadinIcon.PLUS));
        create.setId("aims-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(aims.mayWrite());
        create.addClickListener(e -> openCreate());
        HorizontalLayout bar = new HorizontalLayout(create);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        if (aims.mayReadRegister()) {
            bar.add(
                    Downloads.export(
                            "aims-export-csv",
                            exportStem,
                            TabularFormat.CSV,
                            out -> aims.export(kinds, TabularFormat.CSV, out)),
                    Downloads.export(
                            "aims-export-xlsx",
                            exportStem,
                            TabularFormat.XLSX,
                            out -> aims.export(kinds, TabularFormat.XLSX, out)));
        }
        configureGrid();
        empty.setId("aims-empty");
        add(new H2(heading), new Paragraph(intro));
        Component above = above();
        if (above != null) {
            add(above);
        }
        add(bar, empty, grid);
    }

    /** What goes between the introduction and the tool bar (e.g. the policies awaiting my acknowledgement). */
    protected Component above() {
        return null;
    }

    /** Opens the dialog that drafts a new document. */
    protected abstract void openCreate();

    /** What the empty register tells people to do. */
    protected abstract String emptyText();

    private void configureGrid() {
        grid.setId("aims-documents");
        grid.getElement().getThemeList().add("wrap-cell-content"); // titles and owners wrap instead of ending in "…"
        grid.addColumn(DocumentSummary::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DocumentSummary::title)
                .setHeader("Title")
                .setWidth("12rem")
                .setFlexGrow(3)
                .setTooltipGenerator(DocumentSummary::title);
        if (kinds.size() > 1) {
            grid.addColumn(s -> s.kind().label())
                    .setHeader("Kind")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        NameCells.add(grid, s -> aims.name(s.owner()))
                .setHeader("Owner")
                .setWidth("12rem")
                .setFlexGrow(1);
        grid.addComponentColumn(s -> {
                    var badge = AimsUi.badge(s.latestStatus());
                    badge.setText(s.state());
                    return badge;
                })
                .setHeader("State")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.effectiveFrom() == null ? "" : Dates.day(s.effectiveFrom()))
                .setHeader("In force since")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.reviewBy() == null ? "" : Dates.day(s.reviewBy()))
                .setHeader("Review by")
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (kinds.stream().anyMatch(DocumentKind::isPolicy) && aims.mayReadRegister()) {
            grid.addColumn(s -> s.acknowledged() == null
                            ? ""
                            : s.acknowledged() + " of " + s.people() + " ("
                                    + (s.people() == 0 ? 100 : Math.round(100.0 * s.acknowledged() / s.people()))
                                    + " %)")
                    .setHeader("Acknowledged")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();
        refresh();
    }

    void refresh() {
        List<DocumentSummary> items = aims.list(kinds);
        grid.setItems(items);
        empty.setText(emptyText());
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
    }

    void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(DocumentPage.class, id));
    }
}
