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
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.aims.InternalAuditService;
import dev.aegis.aims.InternalAuditService.AuditSummary;
import dev.aegis.shared.Dates;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.DateCells;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The internal audit programme (ISO/IEC 42001 9.2): every audit planned, running, completed or cancelled, newest first.
 * Officers plan audits; auditors open the ones they run to record them.
 */
@Route("aims/audits")
@PageTitle("Internal audits · Aegis")
@Menu(order = 29, icon = "vaadin:clipboard-user", title = "Internal audits")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class InternalAuditsView extends VerticalLayout {

    private final transient InternalAuditService audits;
    final Grid<AuditSummary> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final AuditPlanDialog dialog;

    InternalAuditsView(InternalAuditService audits, AimsDocumentService aims) {
        this.audits = audits;
        setSizeFull();
        dialog = new AuditPlanDialog(audits, aims.people(), v -> {
            if (v != null) {
                getUI().ifPresent(ui -> ui.navigate(InternalAuditPage.class, v.id()));
            }
        });
        Button plan = new Button("Plan an audit", new Icon(VaadinIcon.PLUS), e -> dialog.open(null));
        plan.setId("aims-plan-audit");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        plan.setVisible(audits.mayPlan());
        HorizontalLayout bar = new HorizontalLayout(
                plan,
                Downloads.export(
                        "aims-audits-csv",
                        "aims-internal-audits",
                        TabularFormat.CSV,
                        out -> audits.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-audits-xlsx",
                        "aims-internal-audits",
                        TabularFormat.XLSX,
                        out -> audits.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        empty.setId("aims-audits-empty");
        add(
                new H2("Internal audits"),
                new Paragraph("The audit programme (ISO/IEC 42001 9.2): each audit with its scope, criteria and"
                        + " auditors, its checklist and findings. An audit completed in the last twelve months meets"
                        + " clause 9.2 in Coverage."),
                bar,
                empty,
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-audits");
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(AuditSummary::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditSummary::title).setHeader("Audit").setWidth("9rem").setFlexGrow(3);
        // a date never breaks inside ("2026-12-" / "04"): a range goes over two lines, "2026-12-04 to" / "2026-12-05"
        DateCells.add(
                        grid,
                        s -> Dates.day(s.plannedFrom())
                                + (s.plannedTo().equals(s.plannedFrom()) ? "" : " to " + Dates.day(s.plannedTo())))
                .setHeader("Planned")
                .setWidth("9.5rem")
                .setFlexGrow(0);
        // each auditor's user name kept whole ("(demo-" / "auditor)" never)
        grid.addComponentColumn(s -> NameCells.list(s.auditors().stream()
                        .map(dev.aegis.aims.InternalAuditService.Named::name)
                        .toList()))
                .setComparator(AuditSummary::auditorNames)
                .setTooltipGenerator(AuditSummary::auditorNames)
                .setHeader("Auditors")
                .setWidth("8rem")
                .setFlexGrow(2);
        grid.addComponentColumn(s -> badge(s.status()))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.criteria() == 0 ? "No criteria yet" : s.checked() + " of " + s.criteria() + " checked")
                .setHeader("Checklist")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(AuditSummary::findingsSentence)
                .setHeader("Findings")
                .setWidth("9rem")
                .setFlexGrow(2);
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(InternalAuditPage.class, e.getItem().id())));
        grid.setSizeFull();
    }

    static Span badge(AuditStatus status) {
        Span badge = new Span(status.label());
        badge.addClassName("aegis-badge");
        switch (status) {
            case COMPLETED -> badge.addClassName("aegis-cov-covered");
            case IN_PROGRESS -> badge.addClassName("aegis-badge-review");
            case CANCELLED -> badge.addClassName("aegis-badge-withdrawn");
            default -> {}
        }
        return badge;
    }

    void refresh() {
        List<AuditSummary> all = audits.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                audits.mayPlan()
                        ? "No internal audit is planned yet. Plan an audit: name its scope and auditors, then add the"
                                + " requirements it audits as criteria."
                        : "No internal audit is planned yet. Officers plan audits and name their auditors.");
    }
}
