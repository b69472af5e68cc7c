package dev.aegis.aims.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.ImpactAssessmentService;
import dev.aegis.aims.ImpactAssessmentService.ImpactAssessmentView;
import dev.aegis.aims.ImpactAssessmentService.ImpactVersionView;
import dev.aegis.aims.ImpactVocabulary.Stage;
import dev.aegis.shared.Dates;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.DateCells;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;

/**
 * AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5): one per AI system, the version in force and any draft,
 * the review date, and the high impacts that name no risk. Officers start and edit them; auditors read and export.
 */
@Route("aims/impact-assessments")
@PageTitle("Impact assessments · Aegis")
@Menu(order = 26.05, icon = "vaadin:scale", title = "Impact assessments")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ImpactAssessmentsView extends VerticalLayout {

    private final transient ImpactAssessmentService assessments;
    final Grid<ImpactAssessmentView> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Button start = new Button("Assess an AI system", new Icon(VaadinIcon.PLUS));

    ImpactAssessmentsView(ImpactAssessmentService assessments) {
        this.assessments = assessments;
        setWidthFull();
        start.setId("aims-start-impact-assessment");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setVisible(assessments.mayWrite());
        start.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ImpactAssessmentPage.class)));
        HorizontalLayout bar = new HorizontalLayout(
                start,
                Downloads.export(
                        "aims-impact-assessments-csv",
                        "aims-impact-assessments",
                        TabularFormat.CSV,
                        out -> assessments.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-impact-assessments-xlsx",
                        "aims-impact-assessments",
                        TabularFormat.XLSX,
                        out -> assessments.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        empty.setId("aims-impact-assessments-empty");
        add(
                new H2("AI system impact assessments"),
                new Paragraph("What each AI system means for the people it touches, structured as ISO/IEC 42005 "
                        + "describes: its intended use and foreseeable misuse, who it affects, its impacts on "
                        + "individuals, groups and society with likelihood and severity, the measures and what "
                        + "remains (ISO/IEC 42001 6.1.4, 8.4, A.5). Someone other than the last editor approves a "
                        + "version; a high impact that names no risk of the register is flagged."),
                bar,
                empty,
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-impact-assessments");
        grid.setAllRowsVisible(true);
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(ImpactAssessmentView::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImpactAssessmentView::systemName)
                .setHeader("AI system")
                .setWidth("7rem")
                .setFlexGrow(2);
        // "Version 1 since" wraps as words; the date is kept whole ("2026-" / "12-03" never)
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<ImpactAssessmentView>of(
                                "${item.words} <span class=\"aegis-nowrap\">${item.date}</span>")
                        .withProperty(
                                "words",
                                a -> a.inForce()
                                        .map(v -> "Version " + v.number() + " since")
                                        .orElse("None yet"))
                        .withProperty(
                                "date",
                                a -> a.inForce()
                                        .map(v -> Dates.day(v.effectiveFrom()))
                                        .orElse("")))
                .setComparator(a -> a.inForce().map(v -> v.effectiveFrom()).orElse(LocalDate.MIN))
                .setHeader("In force")
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addComponentColumn(a -> stage(a.latest()))
                .setHeader("Latest version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> a.latest().impacts().size())
                .setHeader("Impacts")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(a -> flag(a.latest()))
                .setHeader("High impacts without a risk")
                .setWidth("7rem")
                .setFlexGrow(1);
        DateCells.add(grid, a -> reviewBy(a, LocalDate.now()))
                .setHeader("Review by")
                .setWidth("8rem")
                .setFlexGrow(0);
        NameCells.add(grid, a -> assessments.name(a.owner()))
                .setHeader("Owner")
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(ImpactAssessmentPage.class, e.getItem().id())));
    }

    static String reviewBy(ImpactAssessmentView a, LocalDate today) {
        ImpactVersionView v = a.inForce().orElse(a.latest());
        return Dates.day(v.reviewBy()) + (a.reviewOverdue(today) ? " (overdue)" : "");
    }

    static Span stage(ImpactVersionView v) {
        Span badge = new Span("Version " + v.number() + " · " + v.stage().label());
        badge.addClassName("aegis-badge");
        if (v.stage() == Stage.APPROVED) {
            badge.addClassName("aegis-cov-covered");
        } else if (v.stage() == Stage.DRAFT) {
            badge.addClassName("aegis-badge-review");
        }
        return badge;
    }

    static Span flag(ImpactVersionView v) {
        long n = v.unlinkedHighImpacts();
        Span s = new Span(n == 0 ? "None" : n + " flagged");
        if (n > 0) {
            s.addClassName("aegis-badge");
            s.addClassName("aegis-badge-changed");
            s.getElement().setAttribute("title", v.flag());
        }
        return s;
    }

    void refresh() {
        List<ImpactAssessmentView> all = assessments.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                assessments.mayWrite()
                        ? "No AI system is assessed yet. Assess the systems that touch people first — those handling "
                                + "health, employment or credit decisions — with \"Assess an AI system\"."
                        : "No AI system is assessed yet.");
    }
}
