package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskTransfer;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;

/**
 * The risk register: the inherent and residual heat maps, combined filters, a grid paged and sorted by the database,
 * and raising a risk against AI systems and the ATLAS techniques or OWASP LLM entries it describes.
 */
@Route("risks")
@PageTitle("Risks · Aegis")
@Menu(order = 11, icon = "vaadin:warning", title = "Risks")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class RisksView extends VerticalLayout {

    private final transient RiskService risks;
    private final transient AiSystemService systems;
    private final transient FrameworkCatalog catalog;
    private final transient Validator validator;
    final HeatMapView heatMap = new HeatMapView();
    final Grid<Risk> grid = new Grid<>(Risk.class, false);
    final TextField text = new TextField();
    final ComboBox<Status> status = new ComboBox<>("Status", Status.values());
    final ComboBox<Category> category = new ComboBox<>("Category", Category.values());
    final ComboBox<EuAiActTier> tier = new ComboBox<>("System tier", EuAiActTier.values());
    final Button raise = new Button("Raise a risk", new Icon(VaadinIcon.PLUS));
    final Dialog dialog = new Dialog();
    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final Select<Category> riskCategory = new Select<>();
    final MultiSelectComboBox<AiSystem> riskSystems = new MultiSelectComboBox<>("AI systems");
    final MultiSelectComboBox<RequirementSummary> threats = new MultiSelectComboBox<>("Threats (ATLAS techniques, OWASP LLM entries)");
    final Select<Integer> likelihood = new Select<>();
    final Select<Integer> impact = new Select<>();
    final TextField owner = new TextField("Owner (user name)");
    final DatePicker dueDate = new DatePicker("Due date");
    final Button save = new Button("Raise risk");
    final RiskWorkflowDialog workflow;
    final RiskFiles files;

    RisksView(RiskService risks, RiskTransfer transfer, AiSystemService systems, FrameworkCatalog catalog,
            Validator validator, AuthenticationContext auth) {
        this.risks = risks;
        this.systems = systems;
        this.catalog = catalog;
        this.validator = validator;
        this.workflow = new RiskWorkflowDialog(risks, this::refresh);
        this.files = new RiskFiles(transfer, this::filter, auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "SYSTEM_OWNER"),
                this::refresh);
        setSizeFull();
        configureGrid();
        configureDialog();
        raise.setVisible(auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "SYSTEM_OWNER"));
        add(new H2("Risk register"), heatMap, toolbar(), grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("risks-grid");
        grid.addColumn(Risk::getTitle).setHeader("Risk").setSortProperty("title").setFlexGrow(3);
        grid.addColumn(r -> Classification.label(r.getCategory())).setHeader("Category").setSortProperty("category");
        grid.addColumn(r -> Classification.label(r.getStatus())).setHeader("Status").setSortProperty("status");
        grid.addColumn(Risk::getInherentScore).setHeader("Inherent").setKey("inherent").setSortProperty("inherentScore");
        grid.addColumn(r -> r.getResidualScore() == null ? "–" : r.getResidualScore().toString()).setHeader("Residual")
                .setSortProperty("residualScore");
        grid.addColumn(Risk::getOwner).setHeader("Owner").setSortProperty("owner");
        grid.addColumn(Risk::getDueDate).setHeader("Due").setSortProperty("dueDate");
        grid.setItems(query -> risks.slice(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) risks.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("inherent"), SortDirection.DESCENDING)));
        grid.addItemClickListener(e -> workflow.show(risks.get(e.getItem().getId())));
        grid.setEmptyStateText("No risks match. Raise the first risk of an AI system with “Raise a risk”.");
        grid.setSizeFull();
    }

    private Component toolbar() {
        text.setPlaceholder("Search title and description");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        for (ComboBox<?> box : List.of(status, category, tier)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> refresh());
        }
        status.setItemLabelGenerator(Classification::label);
        category.setItemLabelGenerator(Classification::label);
        tier.setItemLabelGenerator(Classification::label);
        raise.setId("raise-risk");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        raise.addClickListener(e -> openNew());
        HorizontalLayout bar = new HorizontalLayout(text, status, category, tier, raise, files);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private void configureDialog() {
        dialog.setHeaderTitle("Raise a risk");
        dialog.setWidth("min(48rem, 95vw)");
        riskCategory.setLabel("Category");
        riskCategory.setItems(Category.values());
        riskCategory.setItemLabelGenerator(Classification::label);
        likelihood.setLabel("Likelihood (1–5)");
        impact.setLabel("Impact (1–5)");
        likelihood.setItems(1, 2, 3, 4, 5);
        impact.setItems(1, 2, 3, 4, 5);
        riskSystems.setItemLabelGenerator(AiSystem::getName);
        riskSystems.setItems(query -> systems.search(new AiSystemService.Filter(query.getFilter().orElse(""), null, null, null, null),
                PageRequest.of(query.getPage(), query.getPageSize())).stream());
        threats.setItemLabelGenerator(RequirementSummary::label);
        threats.setItems(query -> threatCandidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
        title.setId("risk-title");
        save.setId("risk-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(dialog);
        save.addClickListener(e -> saveNew());
        FormLayout form = new FormLayout(title, riskCategory, description, riskSystems, threats, likelihood, impact,
                owner, dueDate);
        form.setColspan(description, 2);
        form.setColspan(riskSystems, 2);
        form.setColspan(threats, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }

    /** OWASP LLM entries, then ATLAS techniques and sub-techniques, whose id or text matches. */
    private Stream<RequirementSummary> threatCandidates(String q, int offset, int limit) {
        List<RequirementSummary> owasp = catalog.search("OWASP-LLM-TOP10-2025", q, null, PageRequest.of(0, 10)).getContent();
        List<RequirementSummary> atlas = catalog.search("MITRE-ATLAS", q, null, PageRequest.of(0, 200)).stream()
                .filter(r -> r.kind().name().endsWith("TECHNIQUE")).toList();
        return Stream.concat(owasp.stream(), atlas.stream()).skip(offset).limit(limit);
    }

    void openNew() {
        title.clear();
        description.clear();
        riskCategory.clear();
        riskSystems.clear();
        threats.clear();
        likelihood.clear();
        impact.clear();
        owner.clear();
        dueDate.clear();
        for (var f : List.of(title, owner)) {
            f.setInvalid(false);
        }
        dialog.open();
    }

    void saveNew() {
        RiskDetails details = new RiskDetails(title.getValue(), description.getValue(), riskCategory.getValue(),
                riskSystems.getValue().stream().map(AiSystem::getId).collect(Collectors.toSet()),
                threats.getValue().stream().map(RequirementSummary::id).collect(Collectors.toSet()), new HashSet<>(),
                likelihood.getValue(), impact.getValue(), owner.getValue(), dueDate.getValue());
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("title", title, "category", riskCategory,
                "systems", riskSystems, "threats", threats, "inherentLikelihood", likelihood, "inherentImpact", impact,
                "owner", owner, "dueDate", dueDate);
        fields.values().forEach(f -> f.setInvalid(false));
        var violations = validator.validate(details);
        if (!violations.isEmpty()) {
            violations.forEach(v -> show(fields, v.getPropertyPath().toString(), v.getMessage()));
            return;
        }
        try {
            Risk risk = risks.identify(details);
            dialog.close();
            Notification.show("Raised “" + risk.getTitle() + "”.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainRuleException e) {
            if (!show(fields, e.field(), e.getMessage())) {
                Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    private static boolean show(Map<String, com.vaadin.flow.component.HasValidation> fields, String field, String message) {
        var f = field == null ? null : fields.get(field);
        if (f == null) {
            return false;
        }
        f.setErrorMessage(message);
        f.setInvalid(true);
        return true;
    }

    private RiskService.Filter filter() {
        return new RiskService.Filter(text.getValue(), status.getValue(), null, category.getValue(), tier.getValue(),
                null, null);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        heatMap.show(risks.heatMap(null, category.getValue()));
    }
}
