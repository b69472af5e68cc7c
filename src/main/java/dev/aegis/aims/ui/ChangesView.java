package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.aims.ChangeService;
import dev.aegis.aims.ChangeService.ChangeView;
import dev.aegis.aims.ChangeService.Details;
import dev.aegis.aims.ChangeStatus;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Planning of changes (ISO/IEC 42001 6.3): changes recorded before they are made, with the AI systems they touch and
 * their impact, approved by someone other than who raised them, then done or cancelled. Officers plan and approve;
 * auditors read and export.
 */
@Route("aims/changes")
@PageTitle("Planned changes · Aegis")
@Menu(order = 26.3, icon = "vaadin:road-branches", title = "Planned changes")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ChangesView extends VerticalLayout {

    private final transient ChangeService changes;
    final Grid<ChangeView> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Dialog dialog = new Dialog();
    final TextField title = FormFields.limit(new TextField("What changes"), 200);
    final TextArea reason = FormFields.limit(new TextArea("Why"), 4000);
    final MultiSelectComboBox<SystemRef> systems = new MultiSelectComboBox<>("AI systems affected");
    final TextArea impact = FormFields.limit(new TextArea("Impact on the AI systems and the management system"), 4000);
    final DatePicker plannedOn = FormFields.sensible(new DatePicker("Planned for"), "The planned date");
    final TextArea closing = FormFields.limit(new TextArea("How it went, or why it is cancelled"), 1000);
    final Span facts = new Span();
    final Button save = new Button("Save");
    final Button approve = new Button("Approve");
    final Button done = new Button("Mark done");
    final Button cancel = new Button("Cancel the change");
    private ChangeView editing;

    ChangesView(ChangeService changes) {
        this.changes = changes;
        setWidthFull();
        Button add = new Button("Plan a change", new Icon(VaadinIcon.PLUS), e -> open(null));
        add.setId("aims-plan-change");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(changes.mayWrite());
        HorizontalLayout bar = new HorizontalLayout(
                add,
                Downloads.export(
                        "aims-changes-csv",
                        "aims-changes",
                        TabularFormat.CSV,
                        out -> changes.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-changes-xlsx",
                        "aims-changes",
                        TabularFormat.XLSX,
                        out -> changes.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        configureDialog();
        empty.setId("aims-changes-empty");
        add(
                new H2("Planned changes"),
                new Paragraph("Changes to the AI management system and its AI systems, recorded before they are made: "
                        + "what, why, when, which AI systems they touch and their impact (ISO/IEC 42001 6.3). Someone "
                        + "other than who raised a change approves it; an approved change meets clause 6.3 in "
                        + "Coverage."),
                bar,
                empty,
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-changes");
        grid.setAllRowsVisible(true);
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(ChangeView::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ChangeView::title).setHeader("Change").setWidth("9rem").setFlexGrow(2);
        grid.addColumn(ChangeView::systemNames)
                .setHeader("AI systems")
                .setWidth("7rem")
                .setFlexGrow(2);
        grid.addColumn(ChangeView::impact).setHeader("Impact").setWidth("10rem").setFlexGrow(3);
        grid.addColumn(c -> Dates.day(c.plannedOn()))
                .setHeader("Planned for")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(ChangesView::status)
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        NameCells.add(grid, c -> c.approvedBy() == null ? "" : changes.name(c.approvedBy()))
                .setHeader("Approved by")
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addItemClickListener(e -> open(e.getItem()));
    }

    static Span status(ChangeView c) {
        Span badge = new Span(c.status().label());
        badge.addClassName("aegis-badge");
        switch (c.status()) {
            case DONE -> badge.addClassName("aegis-cov-covered");
            case APPROVED -> badge.addClassName("aegis-badge-review");
            case CANCELLED -> badge.addClassName("aegis-badge-withdrawn");
            default -> {}
        }
        return badge;
    }

    private void configureDialog() {
        systems.setItems(changes.systemChoices());
        systems.setItemLabelGenerator(SystemRef::name);
        for (var c : List.<com.vaadin.flow.component.HasSize>of(title, reason, systems, impact, closing)) {
            c.setWidthFull();
        }
        title.setRequired(true);
        reason.setRequired(true);
        impact.setRequired(true);
        plannedOn.setRequiredIndicatorVisible(true);
        VerticalLayout form = new VerticalLayout(facts, title, reason, systems, impact, plannedOn, closing);
        form.setPadding(false);
        form.setWidth("min(40rem, 90vw)");
        dialog.add(form);
        save.setId("aims-save-change");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        approve.setId("aims-approve-change");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(e -> step(() -> changes.approve(editing.id(), editing.version()), "Approved."));
        done.setId("aims-done-change");
        done.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        done.addClickListener(
                e -> step(() -> changes.done(editing.id(), editing.version(), closing.getValue()), "Marked done."));
        cancel.setId("aims-cancel-change");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(
                e -> step(() -> changes.cancel(editing.id(), editing.version(), closing.getValue()), "Cancelled."));
        dialog.getFooter().add(cancel, new Button("Close", e -> dialog.close()), approve, done, save);
    }

    void open(ChangeView c) {
        editing = c;
        boolean write = changes.mayWrite();
        boolean planned = c == null || c.status() == ChangeStatus.PLANNED;
        dialog.setHeaderTitle(
                c == null ? "Plan a change" : c.reference() + " · " + c.status().label());
        title.setValue(c == null ? "" : c.title());
        reason.setValue(c == null ? "" : c.reason());
        impact.setValue(c == null ? "" : c.impact());
        plannedOn.setValue(c == null ? LocalDate.now().plusDays(14) : c.plannedOn());
        systems.setValue(c == null ? Set.of() : Set.copyOf(c.systems()));
        closing.setValue(c == null || c.outcome() == null ? "" : c.outcome());
        for (var f : List.<com.vaadin.flow.component.HasValueAndElement<?, ?>>of(
                title, reason, impact, plannedOn, systems)) {
            f.setReadOnly(!write || !planned);
        }
        boolean open = c != null && (c.status() == ChangeStatus.PLANNED || c.status() == ChangeStatus.APPROVED);
        closing.setVisible(c != null && (open && write || c.outcome() != null));
        closing.setReadOnly(!write || !open);
        facts.setText(
                c == null
                        ? ""
                        : "Raised by " + changes.name(c.raisedBy()) + " on " + day(c.raisedAt())
                                + (c.approvedBy() == null
                                        ? ""
                                        : " · approved by " + changes.name(c.approvedBy()) + " on "
                                                + day(c.approvedAt()))
                                + (c.closedBy() == null
                                        ? ""
                                        : " · " + c.status().label().toLowerCase(java.util.Locale.ROOT) + " by "
                                                + changes.name(c.closedBy()) + " on " + day(c.closedAt())));
        facts.setVisible(c != null);
        save.setVisible(write && planned);
        approve.setVisible(write && c != null && c.status() == ChangeStatus.PLANNED);
        done.setVisible(write && c != null && c.status() == ChangeStatus.APPROVED);
        cancel.setVisible(write && open);
        dialog.open();
    }

    private static String day(java.time.Instant at) {
        return Dates.day(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    void save() {
        if (!FormFields.holdsInput(plannedOn)) {
            return;
        }
        Details d = new Details(
                title.getValue(),
                reason.getValue(),
                impact.getValue(),
                plannedOn.getValue(),
                systems.getValue().stream().map(SystemRef::id).collect(Collectors.toSet()));
        step(() -> editing == null ? changes.raise(d) : changes.change(editing.id(), editing.version(), d), "Saved.");
    }

    private void step(java.util.function.Supplier<ChangeView> work, String message) {
        try {
            work.get();
            dialog.close();
            AimsUi.done(message);
            refresh();
        } catch (DomainRuleException ex) {
            Map<String, Component> fields = Map.of(
                    "title", title,
                    "reason", reason,
                    "impact", impact,
                    "plannedOn", plannedOn,
                    "systems", systems,
                    "outcome", closing);
            AimsUi.refuse(ex, fields);
        } catch (OptimisticLockingFailureException ex) {
            dialog.close();
            AimsUi.error("Someone else changed this record meanwhile; the list shows it now.");
            refresh();
        }
    }

    void refresh() {
        List<ChangeView> all = changes.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                changes.mayWrite()
                        ? "No change is planned yet. Plan one before retraining a model, changing a vendor or "
                                + "widening an AI system's use, so its impact is weighed and approved first."
                        : "No change is planned yet.");
    }
}
