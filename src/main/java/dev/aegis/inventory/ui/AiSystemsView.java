package dev.aegis.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.AiSystemTransfer;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.inventory.ScopeService;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;

/** The AI system inventory: filter, sort and page in the database; register and edit in a form dialog. */
@Route("systems")
@PageTitle("AI systems · Aegis")
@Menu(order = 10, icon = "vaadin:cluster", title = "AI systems")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AiSystemsView extends VerticalLayout implements BeforeEnterObserver {

    private final transient AiSystemService service;
    private final transient Validator validator;
    private final transient ScopeService scopes;
    private final boolean mayRegister;
    private final boolean mayGovern;
    private final boolean mayReadAnyScope;
    final Grid<AiSystem> grid = new Grid<>(AiSystem.class, false);
    final TextField text = new TextField();
    final ComboBox<LifecycleStage> stage = new ComboBox<>("Stage", LifecycleStage.values());
    final ComboBox<EuAiActTier> tier = new ComboBox<>("EU AI Act tier", EuAiActTier.values());
    final ComboBox<Status> status = new ComboBox<>("Status", Status.values());
    final Button register = new Button("Register AI system", new Icon(VaadinIcon.PLUS));
    final Dialog dialog = new Dialog();
    final AiSystemForm form;
    final Button showScope = new Button("Scope", new Icon(VaadinIcon.LIST_SELECT));
    final Dialog scopeDialog = new Dialog();
    final RouterLink page = new RouterLink();
    ScopePanel scope;
    private AiSystem editing;

    final Anchor exportCsv;
    final Anchor exportXlsx;
    final Button importFile = new Button("Import", new Icon(VaadinIcon.UPLOAD));
    final AiSystemImportDialog importDialog;

    AiSystemsView(
            AiSystemService service,
            AiSystemTransfer transfer,
            ScopeService scopes,
            Validator validator,
            AuthenticationContext auth,
            UserDirectory people) {
        this.service = service;
        this.form = new AiSystemForm(people);
        this.mayGovern = auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        this.scopes = scopes;
        this.validator = validator;
        this.mayRegister = auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        this.exportCsv = download(transfer, TabularFormat.CSV, "CSV");
        this.exportXlsx = download(transfer, TabularFormat.XLSX, "Excel");
        this.importDialog = new AiSystemImportDialog(transfer, this::refresh);
        this.mayReadAnyScope = auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
        setSizeFull();
        configureGrid();
        configureDialog();
        add(new H2("AI systems"), toolbar(), grid);
        // dialogs belong to the UI, not the view: leaving the view (the system page link) must not leave them open
        addDetachListener(e -> {
            dialog.close();
            scopeDialog.close();
        });
    }

    private void configureGrid() {
        grid.setId("systems-grid");
        // the name takes the spare width and shows in full on hover; the rest are as wide as their content
        grid.addColumn(AiSystem::getName)
                .setWidth("14rem")
                .setHeader("Name")
                .setSortProperty("name")
                .setFlexGrow(1)
                .setTooltipGenerator(AiSystem::getName);
        grid.addColumn(s -> AiSystemForm.label(s.getLifecycleStage()))
                .setHeader("Stage")
                .setSortProperty("lifecycleStage")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> AiSystemForm.label(s.getEuAiActTier()))
                .setHeader("EU AI Act tier")
                .setSortProperty("euAiActTier")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> AiSystemForm.label(s.getStatus()))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AiSystem::getBusinessOwner)
                .setHeader("Business owner")
                .setSortProperty("businessOwner")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AiSystem::getNextReview)
                .setHeader("Next review")
                .setSortProperty("nextReview")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> service.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) service.count(filter()));
        grid.setEmptyStateText(
                mayRegister
                        ? "No AI systems match. Register your first one with “Register AI system”."
                        : "No AI systems match these filters.");
        // a row opens the system's page (risks, threats, telemetry, evidence); its Edit button opens the form
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate("systems/" + e.getItem().getId())));
        grid.setSizeFull();
    }

    private Component toolbar() {
        text.setPlaceholder("Search name, purpose, vendor");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("systems-search");
        text.addValueChangeListener(e -> refresh());
        for (ComboBox<?> box : List.of(stage, tier, status)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> refresh());
        }
        stage.setItemLabelGenerator(AiSystemForm::label);
        tier.setItemLabelGenerator(AiSystemForm::label);
        status.setItemLabelGenerator(AiSystemForm::label);
        register.setId("register-system");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setVisible(mayRegister);
        register.addClickListener(e -> openNew());
        importFile.setId("import-systems");
        importFile.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        importFile.setVisible(mayRegister);
        importFile.addClickListener(e -> importDialog.start());
        HorizontalLayout bar =
                new HorizontalLayout(text, stage, tier, status, register, importFile, exportCsv, exportXlsx);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    /** A download of the systems matching the filters at the moment of the click, streamed from the database. */
    private Anchor download(AiSystemTransfer transfer, TabularFormat format, String label) {
        return Downloads.export(
                "export-" + format.extension(),
                "aegis-ai-systems",
                format,
                out -> transfer.export(filter(), format, out));
    }

    private void configureDialog() {
        dialog.setWidth("min(64rem, 95vw)");
        dialog.add(form);
        dialog.getFooter().add(form.buttons());
        form.addSaveListener(e -> save(e.details()));
        form.addCancelListener(e -> dialog.close());
        showScope.setId("show-scope");
        showScope.addClickListener(e -> openScope());
        page.setText("Risks and threats");
        page.setId("open-system-page");
        dialog.getHeader().add(page, showScope);
        scopeDialog.setId("scope-dialog");
        scopeDialog.setWidth("min(80rem, 95vw)");
        scopeDialog.getFooter().add(new Button("Close", e -> scopeDialog.close()));
    }

    /** The requirements in the open system's scope; a system owner sees only their own systems' scope. */
    void openScope() {
        scope = new ScopePanel(scopes, editing.getId());
        scopeDialog.removeAll();
        scopeDialog.setHeaderTitle("Scope of " + editing.getName());
        scopeDialog.add(scope);
        scopeDialog.open();
    }

    void openNew() {
        editing = null;
        showScope.setVisible(false);
        page.setVisible(false);
        dialog.setHeaderTitle("Register an AI system");
        form.show(AiSystemForm.blank(), true);
        dialog.open();
    }

    void open(AiSystem system) {
        editing = service.get(system.getId());
        dialog.setHeaderTitle(editing.getName());
        page.setRoute(AiSystemPage.class, new RouteParameters("id", String.valueOf(editing.getId())));
        page.setVisible(true);
        showScope.setVisible(service.mayEdit(editing.getId()) || scopes.mayDecide() || mayReadAnyScope);
        form.show(editing.details(), service.mayEdit(editing.getId()), mayGovern);
        dialog.open();
    }

    void save(AiSystemDetails details) {
        form.clearErrors();
        Set<ConstraintViolation<AiSystemDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            violations.forEach(v -> form.showError(v.getPropertyPath().toString(), FormFields.message(v)));
            return;
        }
        try {
            AiSystem saved = editing == null
                    ? service.registerNew(details)
                    : service.update(editing.getId(), editing.getVersion(), details);
            dialog.close();
            Notification.show("Saved " + saved.getName() + ".", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainRuleException e) {
            if (e.field() == null || !form.showError(e.field(), e.getMessage())) {
                Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (OptimisticLockingFailureException e) {
            showConflict(details);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Someone saved the system after it was opened: say what they changed and keep this user's input. */
    private void showConflict(AiSystemDetails mine) {
        AiSystem fresh = service.get(editing.getId());
        List<String> changed = changedFields(editing.details(), fresh.details());
        Dialog conflict = new Dialog();
        conflict.setId("conflict-dialog");
        conflict.setHeaderTitle("Someone else changed this system");
        conflict.add(new Paragraph("While you were editing, someone saved a new version. They changed: "
                + (changed.isEmpty() ? "nothing you can see" : String.join(", ", changed))
                + ". Your input is kept in the form: review their change and save again."));
        Button ok = new Button("Review and save again", e -> {
            editing = fresh;
            conflict.close();
        });
        ok.setId("conflict-ok");
        conflict.getFooter().add(ok);
        conflict.open();
        form.show(mine, true, mayGovern);
    }

    static List<String> changedFields(AiSystemDetails before, AiSystemDetails after) {
        List<String> changed = new ArrayList<>();
        for (var c : AiSystemDetails.class.getRecordComponents()) {
            try {
                if (!java.util.Objects.equals(
                        c.getAccessor().invoke(before), c.getAccessor().invoke(after))) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /**
     * {@code systems?tier=HIGH}, {@code systems?stage=DEPLOYMENT} (the dashboard's bars) and {@code systems?owner=ann}
     * (a system owner's "my systems") filter the list;
     * {@code systems?system=<id>} opens that system's form, e.g. from its page.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("tier")
                .flatMap(v -> named(EuAiActTier.class, v))
                .ifPresent(tier::setValue);
        params.getSingleParameter("stage")
                .flatMap(v -> named(LifecycleStage.class, v))
                .ifPresent(stage::setValue);
        owner = params.getSingleParameter("owner").filter(v -> !v.isBlank()).orElse(null);
        params.getSingleParameter("system").ifPresent(id -> {
            try {
                open(service.get(Long.parseLong(id)));
            } catch (NumberFormatException | dev.aegis.shared.NotFoundException e) {
                Notification.show("There is no AI system " + id + ".", 5000, Notification.Position.TOP_CENTER);
            }
        });
    }

    private static <E extends Enum<E>> java.util.Optional<E> named(Class<E> type, String name) {
        try {
            return java.util.Optional.of(Enum.valueOf(type, name.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** From the address only ({@code owner=}): the systems a person owns, as business or technical owner. */
    private String owner;

    private AiSystemService.Filter filter() {
        return new AiSystemService.Filter(text.getValue(), stage.getValue(), tier.getValue(), status.getValue(), owner);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
