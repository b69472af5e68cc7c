package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.ObjectiveService;
import dev.aegis.aims.ObjectiveService.Details;
import dev.aegis.aims.ObjectiveService.ObjectiveView;
import dev.aegis.aims.ObjectiveService.Value;
import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * AI objectives (ISO/IEC 42001 6.2): the register of objectives with their indicator, target, newest value and owner;
 * choosing one shows its values over time charted against the target. Officers set, change and retire objectives and
 * record values; auditors read and export.
 */
@Route("aims/objectives")
@PageTitle("AI objectives · Aegis")
@Menu(order = 26.1, icon = "vaadin:bullseye", title = "AI objectives")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ObjectivesView extends VerticalLayout {

    private final transient ObjectiveService objectives;
    final Grid<ObjectiveView> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final VerticalLayout detail = new VerticalLayout();
    final Button recordAll = new Button("Record now", new Icon(VaadinIcon.REFRESH));

    // the objective form
    final Dialog form = new Dialog();
    final TextField title = FormFields.limit(new TextField("Objective"), 200);
    final TextArea description = FormFields.limit(new TextArea("How it will be achieved (optional)"), 4000);
    ComboBox<String> owner;
    final Select<Indicator> indicator = new Select<>();
    final TextField unit = FormFields.limit(new TextField("Unit"), 40);
    final Select<Direction> direction = new Select<>();
    final NumberField target = new NumberField("Target");
    final DatePicker dueOn = FormFields.sensible(new DatePicker("To reach by (optional)"), "The date");
    final Button save = new Button("Save");

    // a value by hand
    final Dialog valueForm = new Dialog();
    final NumberField value = new NumberField("Value");
    final DatePicker measuredOn = FormFields.sensible(new DatePicker("Measured on"), "The date");
    final TextArea note = FormFields.limit(new TextArea("Note (optional)"), 500);
    final Button saveValue = new Button("Record");

    // retiring
    final Dialog retireForm = new Dialog();
    final TextArea reason = FormFields.limit(new TextArea("Why is it retired?"), 500);
    final Button confirmRetire = new Button("Retire");

    private ObjectiveView editing;
    private ObjectiveView shown;

    ObjectivesView(ObjectiveService objectives) {
        this.objectives = objectives;
        setWidthFull();
        Button add = new Button("Set an objective", new Icon(VaadinIcon.PLUS), e -> open(null));
        add.setId("aims-set-objective");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(objectives.mayWrite());
        recordAll.setId("aims-record-all");
        recordAll.setVisible(objectives.mayWrite());
        recordAll.setTooltipText("Record every indicator Aegis computes as it stands now (also done each night)");
        recordAll.addClickListener(e -> {
            int n = objectives.recordAllNow();
            AimsUi.done(n == 0 ? "No objective in force is computed by Aegis." : "Recorded " + n + " value(s).");
            refresh();
        });
        HorizontalLayout bar = new HorizontalLayout(
                add,
                recordAll,
                Downloads.export(
                        "aims-objectives-csv",
                        "aims-objectives",
                        TabularFormat.CSV,
                        out -> objectives.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-objectives-xlsx",
                        "aims-objectives",
                        TabularFormat.XLSX,
                        out -> objectives.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        configureForm();
        configureValueForm();
        configureRetireForm();
        empty.setId("aims-objectives-empty");
        detail.setId("aims-objective-detail");
        detail.setPadding(false);
        detail.setVisible(false);
        add(
                new H2("AI objectives"),
                new Paragraph("What the AI management system means to achieve, each with an owner, a measurable "
                        + "indicator and a target (ISO/IEC 42001 6.2). Indicators Aegis computes from its registers are "
                        + "recorded every night; objectives in force with a value meet clause 6.2 in Coverage. Choose an "
                        + "objective to see its values against the target."),
                bar,
                empty,
                grid,
                detail);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-objectives");
        grid.setAllRowsVisible(true);
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(ObjectiveView::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ObjectiveView::title)
                .setHeader("Objective")
                .setWidth("8rem")
                .setFlexGrow(3);
        grid.addColumn(o -> o.indicator().label())
                .setHeader("Indicator")
                // "acknowledgement" is one word: the column holds it whole
                .setWidth("10rem")
                .setFlexGrow(2);
        grid.addColumn(ObjectiveView::targetText)
                .setHeader("Target")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(o -> o.latest() == null
                        ? ""
                        : ObjectiveService.figure(o.latest().value(), o.unit()))
                .setTooltipGenerator(o -> o.latest() == null
                        ? ""
                        : "Measured on " + Dates.day(o.latest().measuredOn()))
                .setHeader("Latest")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(ObjectivesView::standing)
                .setHeader("Standing")
                .setAutoWidth(true)
                .setFlexGrow(0);
        NameCells.add(grid, ObjectiveView::ownerName)
                .setHeader("Owner")
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addColumn(o -> o.dueOn() == null ? "" : Dates.day(o.dueOn()))
                .setHeader("By")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    }

    static Span standing(ObjectiveView o) {
        Span badge = new Span(o.inForce() ? o.standing() : "Retired");
        badge.addClassName("aegis-badge");
        if (!o.inForce()) {
            badge.addClassName("aegis-badge-withdrawn");
        } else if (o.onTarget()) {
            badge.addClassName("aegis-cov-covered");
        } else if (o.latest() != null) {
            badge.addClassName("aegis-badge-review");
        }
        return badge;
    }

    private void configureForm() {
        owner = FormFields.people("Owner", objectives.people());
        owner.setRequiredIndicatorVisible(true);
        indicator.setLabel("Indicator");
        indicator.setItems(Indicator.values());
        indicator.setItemLabelGenerator(Indicator::label);
        indicator.addValueChangeListener(e -> {
            boolean manual = e.getValue() == Indicator.MANUAL;
            unit.setEnabled(manual);
            if (!manual) {
                unit.setValue("%");
            }
            indicator.setHelperText(e.getValue() == null ? "" : e.getValue().meaning());
        });
        unit.setHelperText("Computed indicators are in percent");
        direction.setLabel("The value should be");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(Direction::words);
        target.setRequiredIndicatorVisible(true);
        title.setRequired(true);
        title.setWidthFull();
        description.setWidthFull();
        owner.setWidthFull();
        indicator.setWidthFull();
        HorizontalLayout measure = new HorizontalLayout(direction, target, unit);
        measure.setWidthFull();
        VerticalLayout layout = new VerticalLayout(title, description, owner, indicator, measure, dueOn);
        layout.setPadding(false);
        layout.setWidth("min(40rem, 90vw)");
        form.add(layout);
        save.setId("aims-save-objective");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        form.getFooter().add(new Button("Cancel", e -> form.close()), save);
    }

    private void configureValueForm() {
        value.setRequiredIndicatorVisible(true);
        note.setWidthFull();
        VerticalLayout layout = new VerticalLayout(new HorizontalLayout(value, measuredOn), note);
        layout.setPadding(false);
        layout.setWidth("min(32rem, 90vw)");
        valueForm.setHeaderTitle("Record a value");
        valueForm.add(layout);
        saveValue.setId("aims-save-value");
        saveValue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveValue.addClickListener(e -> saveValue());
        valueForm.getFooter().add(new Button("Cancel", e -> valueForm.close()), saveValue);
    }

    private void configureRetireForm() {
        reason.setWidthFull();
        reason.setHelperText("Achieved, replaced by another objective, or no longer pursued");
        retireForm.setHeaderTitle("Retire the objective");
        retireForm.add(
                new Paragraph("A retired objective keeps its values but no longer counts for clause 6.2."), reason);
        retireForm.setWidth("min(32rem, 90vw)");
        confirmRetire.setId("aims-confirm-retire");
        confirmRetire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirmRetire.addClickListener(e -> retire());
        retireForm.getFooter().add(new Button("Cancel", e -> retireForm.close()), confirmRetire);
    }

    void open(ObjectiveView o) {
        editing = o;
        form.setHeaderTitle(o == null ? "Set an AI objective" : "Change " + o.reference());
        title.setValue(o == null ? "" : o.title());
        description.setValue(o == null || o.description() == null ? "" : o.description());
        FormFields.show(owner, o == null ? null : o.owner());
        indicator.setValue(o == null ? Indicator.CONTROLS_IMPLEMENTED : o.indicator());
        unit.setValue(o == null ? "%" : o.unit());
        direction.setValue(o == null ? Direction.AT_LEAST : o.direction());
        target.setValue(o == null ? null : o.target());
        dueOn.setValue(o == null ? null : o.dueOn());
        for (var f : List.of(title, unit)) {
            f.setInvalid(false);
        }
        owner.setInvalid(false);
        target.setInvalid(false);
        form.open();
        title.focus();
    }

    void save() {
        if (!FormFields.holdsInput(dueOn)) {
            return;
        }
        Details d = new Details(
                title.getValue(),
                description.getValue(),
                owner.getValue(),
                indicator.getValue(),
                unit.getValue(),
                direction.getValue(),
                target.getValue(),
                dueOn.getValue());
        try {
            ObjectiveView saved =
                    editing == null ? objectives.set(d) : objectives.change(editing.id(), editing.version(), d);
            form.close();
            AimsUi.done(editing == null ? saved.reference() + " set." : "Saved.");
            refresh();
            grid.select(find(saved.id()));
        } catch (DomainRuleException ex) {
            Map<String, Component> fields = Map.of(
                    "title", title,
                    "description", description,
                    "owner", owner,
                    "indicator", indicator,
                    "unit", unit,
                    "target", target);
            AimsUi.refuse(ex, fields);
        } catch (OptimisticLockingFailureException ex) {
            form.close();
            AimsUi.error("Someone else changed this objective meanwhile; the list shows it now.");
            refresh();
        }
    }

    void saveValue() {
        if (!FormFields.holdsInput(measuredOn)) {
            return;
        }
        try {
            objectives.recordByHand(shown.id(), measuredOn.getValue(), value.getValue(), note.getValue());
            valueForm.close();
            AimsUi.done("Recorded.");
            reshow();
        } catch (DomainRuleException ex) {
            AimsUi.refuse(ex, Map.of("value", value, "measuredOn", measuredOn, "note", note));
        }
    }

    void retire() {
        try {
            objectives.retire(shown.id(), shown.version(), reason.getValue());
            retireForm.close();
            AimsUi.done(shown.reference() + " retired.");
            reshow();
        } catch (DomainRuleException ex) {
            AimsUi.refuse(ex, Map.of("reason", reason));
        } catch (OptimisticLockingFailureException ex) {
            retireForm.close();
            AimsUi.error("Someone else changed this objective meanwhile; the list shows it now.");
            reshow();
        }
    }

    void show(ObjectiveView o) {
        shown = o;
        detail.removeAll();
        detail.setVisible(o != null);
        if (o == null) {
            return;
        }
        List<Value> history = objectives.history(o.id());
        H3 heading = new H3(o.reference() + " · " + o.title());
        detail.add(heading);
        if (objectives.mayWrite() && o.inForce()) {
            HorizontalLayout actions = new HorizontalLayout();
            actions.setWrap(true);
            if (o.indicator().isComputed()) {
                Button now = new Button("Record now", new Icon(VaadinIcon.REFRESH), e -> {
                    objectives.recordNow(o.id());
                    AimsUi.done("Recorded.");
                    reshow();
                });
                now.setId("aims-record-now");
                actions.add(now);
            } else {
                Button byHand = new Button("Record a value", new Icon(VaadinIcon.PLUS), e -> {
                    value.setValue(null);
                    value.setInvalid(false);
                    value.setSuffixComponent(new Span(o.unit()));
                    measuredOn.setValue(LocalDate.now());
                    note.setValue("");
                    valueForm.open();
                    value.focus();
                });
                byHand.setId("aims-record-value");
                actions.add(byHand);
            }
            Button change = new Button("Change", new Icon(VaadinIcon.EDIT), e -> open(o));
            change.setId("aims-change-objective");
            Button retire = new Button("Retire", new Icon(VaadinIcon.ARCHIVE), e -> {
                reason.setValue("");
                reason.setInvalid(false);
                retireForm.open();
            });
            retire.setId("aims-retire-objective");
            actions.add(change, retire);
            detail.add(actions);
        }
        detail.add(AimsUi.facts(
                "Owner",
                o.ownerName(),
                "Indicator",
                o.indicator().label() + ": " + o.indicator().meaning(),
                "Target",
                o.targetText() + (o.dueOn() == null ? "" : " by " + Dates.day(o.dueOn())),
                "Latest",
                o.latest() == null
                        ? "No value yet"
                        : ObjectiveService.figure(o.latest().value(), o.unit()) + " on "
                                + Dates.day(o.latest().measuredOn())
                                + (o.latest().basis() == null
                                        ? ""
                                        : " (" + o.latest().basis() + ")"),
                "Retired",
                o.inForce() ? null : Dates.day(o.retiredOn()) + ": " + o.retiredWhy()));
        if (o.description() != null) {
            detail.add(AimsUi.text(o.description()));
        }
        Div box = new Div(new Html("<div>" + ObjectiveChart.render(o, history) + "</div>"));
        box.addClassName("aegis-chart-box");
        box.setId("aims-objective-chart");
        box.setMaxWidth("48rem");
        detail.add(box);
        if (!history.isEmpty()) {
            Grid<Value> values = new Grid<>();
            values.setId("aims-objective-values");
            values.getElement().getThemeList().add("wrap-cell-content");
            values.addColumn(v -> Dates.day(v.measuredOn()))
                    .setHeader("Measured on")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            values.addColumn(v -> ObjectiveService.figure(v.value(), o.unit()))
                    .setHeader("Value")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            values.addColumn(v -> v.computed() ? "Computed by Aegis" : "By hand")
                    .setHeader("How")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            values.addColumn(v -> v.basis() == null ? "" : v.basis())
                    .setHeader("Counted")
                    .setFlexGrow(1);
            values.addColumn(v -> objectives.name(v.recordedBy()))
                    .setHeader("Recorded by")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            values.setItems(history.reversed());
            values.setAllRowsVisible(history.size() <= 10);
            if (history.size() > 10) {
                values.setHeight("22rem");
            }
            detail.add(values);
        }
    }

    private void reshow() {
        long id = shown.id();
        refresh();
        ObjectiveView again = find(id);
        grid.select(again);
        show(again);
    }

    private ObjectiveView find(long id) {
        return grid.getListDataView()
                .getItems()
                .filter(o -> o.id() == id)
                .findFirst()
                .orElse(null);
    }

    void refresh() {
        List<ObjectiveView> all = objectives.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                objectives.mayWrite()
                        ? "No AI objective is set yet. Set one: for example \"every high AI risk treated\" measured by "
                                + "the share of high and critical risks treated, with a target of at least 90 %."
                        : "No AI objective is set yet; governance officers set them.");
        recordAll.setEnabled(
                all.stream().anyMatch(o -> o.inForce() && o.indicator().isComputed()));
    }
}
