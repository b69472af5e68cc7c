package dev.aegis.control.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.control.Control;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlService.Applied;
import dev.aegis.control.ControlService.StarterEntry;
import dev.aegis.control.ControlVocabulary;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;

/**
 * The control library: a grid paged and sorted by the database with filters, the control form with its mapping
 * editor, where a control is applied, and the starter library to adopt controls from.
 */
@Route("controls")
@PageTitle("Controls · Aegis")
@Menu(order = 12, icon = "vaadin:shield", title = "Controls")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class ControlsView extends VerticalLayout implements BeforeEnterObserver {

    private final transient ControlService controls;
    private final transient AiSystemService systems;
    private final transient FrameworkCatalog catalog;
    private final transient RiskService risks;
    private final transient Validator validator;
    final Grid<Control> grid = new Grid<>(Control.class, false);
    final TextField text = new TextField();
    final ComboBox<ImplementationStatus> status = new ComboBox<>("Status", ImplementationStatus.values());
    final ComboBox<ControlType> type = new ComboBox<>("Type", ControlType.values());
    final Button create = new Button("New control", new Icon(VaadinIcon.PLUS));
    final Button starterButton = new Button("Starter library", new Icon(VaadinIcon.BOOK));
    final Dialog dialog = new Dialog();
    final ControlForm form;
    final Button save = new Button("Save");
    final Button delete = new Button("Delete");
    final Grid<Applied> applied = new Grid<>();
    final MultiSelectComboBox<AiSystem> applyTo = new MultiSelectComboBox<>("Apply to AI systems");
    final Button apply = new Button("Apply");
    final Dialog starterDialog = new Dialog();
    final Grid<StarterEntry> starterGrid = new Grid<>();
    final Button adoptSelected = new Button("Adopt selected");
    final Button adoptAll = new Button("Adopt all");
    private final VerticalLayout appliedSection = new VerticalLayout();
    /** What other modules show on a control's page (the telemetry module's suggested test). */
    final com.vaadin.flow.component.html.Div contributions = new com.vaadin.flow.component.html.Div();

    private final transient org.springframework.beans.factory.ObjectProvider<ControlPagePanel> panels;
    private Control editing;
    private Long applyAfterSave;

    /** Framework names by code, read once per view; a code the catalog does not know shows as itself. */
    private static java.util.function.UnaryOperator<String> frameworkNames(FrameworkCatalog catalog) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        return code -> {
            if (names.isEmpty()) {
                catalog.frameworks().forEach(f -> names.put(f.code(), f.shortName()));
            }
            return names.getOrDefault(code, code);
        };
    }

    ControlsView(
            ControlService controls,
            AiSystemService systems,
            FrameworkCatalog catalog,
            RiskService risks,
            Validator validator,
            UserDirectory people,
            org.springframework.beans.factory.ObjectProvider<ControlPagePanel> panels) {
        this.panels = panels;
        this.controls = controls;
        this.systems = systems;
        this.catalog = catalog;
        this.risks = risks;
        this.validator = validator;
        this.form = new ControlForm(
                q -> catalog
                        .search(
                                null,
                                q.getFilter().orElse(""),
                                null,
                                PageRequest.of(q.getOffset() / Math.max(1, q.getLimit()), q.getLimit()))
                        .stream(),
                q -> risks
                        .search(
                                new RiskService.Filter(q.getFilter().orElse(""), null, null, null, null, null, null),
                                PageRequest.of(q.getOffset() / Math.max(1, q.getLimit()), q.getLimit()))
                        .stream()
                        .map(r -> new ControlForm.RiskRef(r.getId(), r.getTitle())),
                people,
                frameworkNames(catalog));
        setSizeFull();
        configureGrid();
        configureDialog();
        configureStarterDialog();
        create.setVisible(controls.mayEdit());
        starterButton.setVisible(true);
        add(new H2("Control library"), toolbar(), grid);
    }

    private void configureGrid() {
        grid.setId("controls-grid");
        grid.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
        grid.addColumn(Control::getTitle)
                .setWidth("10rem")
                .setHeader("Control")
                .setKey("title")
                .setSortProperty("title")
                .setFlexGrow(3)
                .setTooltipGenerator(Control::getTitle);
        grid.addColumn(c -> ControlVocabulary.label(c.getType()))
                .setHeader("Type")
                .setSortProperty("type")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(c -> ControlVocabulary.label(c.getStatus()))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Control::getOwner)
                .setHeader("Owner")
                .setSortProperty("owner")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> ControlVocabulary.label(c.getTestFrequency()))
                .setHeader("Tested")
                .setSortProperty("testFrequency")
                .setAutoWidth(true) // "Continuous" whole, never "Continu…"
                .setFlexGrow(0);
        grid.addColumn(c -> c.getLastTestedOn() == null
                        ? "–"
                        : c.getLastTestedOn() + " " + ControlVocabulary.label(c.getLastTestResult()))
                .setHeader("Last test")
                .setSortProperty("lastTestedOn")
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(c -> c.getRequirements().size())
                .setHeader("Requirements")
                .setTooltipGenerator(c -> c.getRequirements().size() + " framework requirements mapped")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.getStarterId() == null ? "" : c.getStarterId())
                .setHeader("Starter")
                .setSortProperty("starterId")
                .setAutoWidth(true) // the header whole, never "St…"
                .setFlexGrow(0);
        grid.setItems(
                query -> controls.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) controls.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("title"), SortDirection.ASCENDING)));
        grid.addItemClickListener(e -> open(controls.get(e.getItem().getId())));
        grid.setEmptyStateText(
                "No controls yet. Adopt controls from the starter library, or create one with “New control”.");
        grid.setSizeFull();
    }

    private Component toolbar() {
        text.setPlaceholder("Search title, description, starter id");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        for (ComboBox<?> box : List.of(status, type)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        status.setItemLabelGenerator(ControlVocabulary::label);
        type.setItemLabelGenerator(ControlVocabulary::label);
        create.setId("new-control");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openNew(null, null));
        starterButton.setId("starter-library");
        starterButton.addClickListener(e -> openStarter());
        HorizontalLayout bar = new HorizontalLayout(text, status, type, create, starterButton);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private void configureDialog() {
        dialog.setWidth("min(64rem, 96vw)");
        save.setId("control-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> form.fireSave());
        form.addSaveListener(e -> save(e.details));
        FormFields.submitOnEnter(save, form.title);
        delete.setId("control-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> remove());
        applied.setId("control-applied");
        applied.addColumn(Applied::systemName).setHeader("AI system").setFlexGrow(2);
        applied.addComponentColumn(this::statusOnSystem)
                .setHeader("Status there")
                .setAutoWidth(true);
        applied.addColumn(a -> a.note() == null ? "" : a.note()).setHeader("Note");
        applied.setAllRowsVisible(true);
        applied.setEmptyStateText("Not applied to any AI system yet: choose systems below and press Apply.");
        applyTo.setItemLabelGenerator(AiSystem::getName);
        applyTo.setItems(q -> systems
                .search(
                        new AiSystemService.Filter(q.getFilter().orElse(""), null, null, null, null),
                        PageRequest.of(q.getPage(), q.getPageSize()))
                .stream());
        applyTo.setWidth("28rem");
        apply.setId("control-apply");
        apply.addClickListener(e -> applyToSystems());
        HorizontalLayout applyBar = new HorizontalLayout(applyTo, apply);
        applyBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        appliedSection.setPadding(false);
        appliedSection.getStyle().set("margin-top", "var(--lumo-space-l)"); // apart from the mapping bar above
        appliedSection.add(new H4("Applied to AI systems"), applied, applyBar);
        contributions.setWidthFull();
        dialog.add(form, appliedSection, contributions);
        dialog.getFooter().add(delete, new Button("Cancel", e -> dialog.close()), save);
    }

    private Component statusOnSystem(Applied a) {
        Select<ImplementationStatus> s = new Select<>();
        s.setItems(ImplementationStatus.values());
        s.setItemLabelGenerator(ControlVocabulary::label);
        s.setValue(a.status());
        s.setReadOnly(!controls.mayRecordStatus(a.systemId()));
        s.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                controls.recordStatus(
                        a.controlId(),
                        a.systemId(),
                        a.version(),
                        e.getValue(),
                        e.getValue() == ImplementationStatus.NOT_APPLICABLE
                                ? "Marked not applicable in the library screen"
                                : a.note());
                showApplied();
            } catch (DomainRuleException | OptimisticLockingFailureException ex) {
                error(ex.getMessage());
                showApplied();
            }
        });
        return s;
    }

    private void configureStarterDialog() {
        starterDialog.setHeaderTitle("Starter library");
        starterDialog.setWidth("min(72rem, 96vw)");
        starterGrid.setId("starter-grid");
        starterGrid.setSelectionMode(Grid.SelectionMode.MULTI);
        starterGrid
                .addColumn(e -> e.control().id())
                .setHeader("Id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        starterGrid
                .addColumn(e -> e.control().title())
                .setHeader("Control")
                .setFlexGrow(3)
                .setTooltipGenerator(e -> e.control().title());
        starterGrid
                .addColumn(e -> ControlVocabulary.label(e.control().type()))
                .setHeader("Type")
                .setAutoWidth(true);
        starterGrid.addColumn(e -> e.control().stage()).setHeader("Stage").setAutoWidth(true);
        starterGrid
                .addColumn(e -> String.join(", ", e.control().mappings().keySet()))
                .setHeader("Frameworks");
        starterGrid
                .addColumn(e -> e.adoptedAs() == null ? "" : "Adopted")
                .setHeader("In library")
                .setAutoWidth(true);
        starterGrid.setHeight("28rem");
        adoptSelected.setId("adopt-selected");
        adoptSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        adoptSelected.addClickListener(e -> adopt(starterGrid.getSelectedItems().stream()
                .map(s -> s.control().id())
                .toList()));
        adoptAll.setId("adopt-all");
        adoptAll.addClickListener(e -> adopt(
                controls.starterLibrary().stream().map(s -> s.control().id()).toList()));
        starterDialog.add(
                new Paragraph("Controls written for AI systems across the MLOps stages, each mapped to the "
                        + "bundled frameworks. Adopted controls start as planned and can be adapted in your library."),
                starterGrid);
        starterDialog.getFooter().add(new Button("Close", e -> starterDialog.close()), adoptAll, adoptSelected);
    }

    void openStarter() {
        starterGrid.setItems(controls.starterLibrary());
        adoptSelected.setVisible(controls.mayEdit());
        adoptAll.setVisible(controls.mayEdit());
        starterDialog.open();
    }

    void adopt(List<String> ids) {
        if (ids.isEmpty()) {
            error("Select the starter controls to adopt.");
            return;
        }
        int made = controls.adopt(ids).size();
        Notification.show(
                        made == 0
                                ? "Those starter controls are in your library already."
                                : "Adopted " + made + " starter control" + (made == 1 ? "" : "s") + ".",
                        3000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        starterGrid.setItems(controls.starterLibrary());
        grid.getDataProvider().refreshAll();
    }

    /** Opens an empty form, optionally mapped to a requirement and to be applied to a system (from a gap). */
    void openNew(Long requirementId, Long systemId) {
        editing = null;
        applyAfterSave = systemId;
        dialog.setHeaderTitle("New control");
        form.show(null, List.of(), Set.of());
        if (requirementId != null) {
            catalog.requirements(List.of(requirementId)).forEach(r -> form.addRequirement(r, MappingStrength.FULL));
        }
        appliedSection.setVisible(false);
        contributions.removeAll();
        delete.setVisible(false);
        save.setVisible(controls.mayEdit());
        dialog.open();
    }

    void open(Control control) {
        editing = control;
        applyAfterSave = null;
        dialog.setHeaderTitle(
                control.getTitle() + (control.getStarterId() == null ? "" : " (" + control.getStarterId() + ")"));
        ControlDetails d = control.details();
        Set<ControlForm.RiskRef> mitigated = new HashSet<>();
        for (Long id : d.risks()) {
            mitigated.add(new ControlForm.RiskRef(id, risks.get(id).getTitle()));
        }
        form.show(d, catalog.requirements(d.requirements().keySet()), mitigated);
        appliedSection.setVisible(true);
        applyTo.clear();
        applyTo.setVisible(controls.mayEdit());
        apply.setVisible(controls.mayEdit());
        showApplied();
        showContributions();
        delete.setVisible(controls.mayEdit());
        save.setVisible(controls.mayEdit());
        dialog.open();
    }

    private void showApplied() {
        applied.setItems(controls.applicationsOf(editing.getId()));
    }

    /** Built afresh when the control is opened or applied to more systems, so offers follow the applications. */
    private void showContributions() {
        contributions.removeAll();
        long id = editing.getId();
        String starter = editing.getStarterId();
        panels.orderedStream()
                .filter(p -> p.visible(id, starter))
                .forEach(p -> contributions.add(p.render(id, starter)));
    }

    void save(ControlDetails details) {
        form.fields().values().forEach(f -> f.setInvalid(false));
        if (!FormFields.holdsInput(form.lastTestedOn)) {
            // the picker shows why; saving would drop what was typed
            form.lastTestedOn.setInvalid(true);
            return;
        }
        var violations = validator.validate(details);
        if (!violations.isEmpty()) {
            violations.forEach(v -> form.showError(v.getPropertyPath().toString(), FormFields.message(v)));
            return;
        }
        try {
            Control saved = editing == null
                    ? controls.create(details)
                    : controls.update(editing.getId(), editing.getVersion(), details);
            if (applyAfterSave != null) {
                controls.apply(saved.getId(), List.of(applyAfterSave), null);
            }
            dialog.close();
            Notification.show("Saved “" + saved.getTitle() + "”.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
        } catch (DomainRuleException e) {
            if (!form.showError(e.field(), e.getMessage())) {
                error(e.getMessage());
            }
        } catch (OptimisticLockingFailureException e) {
            error("Someone else changed this control meanwhile. Close and open it again to see their change.");
        }
    }

    private void applyToSystems() {
        if (applyTo.getValue().isEmpty()) {
            applyTo.setErrorMessage("Choose at least one AI system.");
            applyTo.setInvalid(true);
            return;
        }
        applyTo.setInvalid(false);
        controls.apply(
                editing.getId(),
                applyTo.getValue().stream().map(AiSystem::getId).collect(Collectors.toSet()),
                null);
        applyTo.clear();
        showApplied();
        showContributions();
    }

    private void remove() {
        try {
            controls.remove(editing.getId(), editing.getVersion());
            dialog.close();
            grid.getDataProvider().refreshAll();
        } catch (OptimisticLockingFailureException e) {
            error("Someone else changed this control meanwhile. Close and open it again.");
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("new") && controls.mayEdit()) {
            Long requirement = parse(params.get("new"));
            Long system = parse(params.get("system"));
            openNew(requirement, system);
        }
        // controls?control=<id> opens that control's page, so other screens and messages can link to it
        Long control = parse(params.get("control"));
        if (control != null) {
            try {
                open(controls.get(control));
            } catch (dev.aegis.shared.NotFoundException e) {
                error("There is no control " + control + ": find it in the library.");
            }
        }
    }

    private static Long parse(List<String> values) {
        try {
            return values == null || values.isEmpty() || values.getFirst().isBlank()
                    ? null
                    : Long.valueOf(values.getFirst());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ControlService.Filter filter() {
        return new ControlService.Filter(text.getValue(), status.getValue(), type.getValue(), null, null, null);
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
