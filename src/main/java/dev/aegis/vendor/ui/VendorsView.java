package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.AddressFilters;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.vendor.AssessmentCalendar;
import dev.aegis.vendor.CertificateWatch;
import dev.aegis.vendor.ReassessmentInterval;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorDetails;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.VendorVocabulary;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;

/** The vendor register: filter, sort and page in the database; register and edit in a form dialog. */
@Route("vendors")
@PageTitle("Vendors · Aegis")
@Menu(order = 15, icon = "vaadin:truck", title = "Vendors")
@RolesAllowed({"ADMIN", "VENDOR_MANAGER", "GOVERNANCE_OFFICER", "AUDITOR"})
public class VendorsView extends VerticalLayout implements BeforeEnterObserver {

    private final transient VendorService service;
    private final transient Validator validator;
    private final boolean mayManage;
    final Grid<Vendor> grid = new Grid<>(Vendor.class, false);
    final TextField text = new TextField();
    final ComboBox<Level> criticality = new ComboBox<>("Criticality", Level.values());
    final ComboBox<Level> tier = new ComboBox<>("Risk tier", Level.values());
    final ComboBox<DpaStatus> dpa = new ComboBox<>("Agreement", DpaStatus.values());
    final Button register = new Button("Register vendor", new Icon(VaadinIcon.PLUS));
    final Button remove = new Button("Remove", new Icon(VaadinIcon.TRASH));
    final Dialog dialog = new Dialog();
    final VendorForm form = new VendorForm();
    final Span standing = new Span();
    final com.vaadin.flow.component.html.Div assessmentLinks = new com.vaadin.flow.component.html.Div();
    private final transient dev.aegis.vendor.AssessmentService assessments;
    private Vendor editing;

    private final transient CertificateWatch certificates;
    private final transient AssessmentCalendar calendar;
    final Checkbox certificatesDue = new Checkbox("Certificates expiring");
    private final transient Clock clock;
    /** While the address fills the filters, their changes do not write it back. */
    private boolean restoring;

    final ComboBox<ReassessmentInterval> reassessment = new ComboBox<>("Reassessed", ReassessmentInterval.values());

    VendorsView(
            VendorService service,
            Validator validator,
            CertificateWatch certificates,
            AssessmentCalendar calendar,
            dev.aegis.vendor.AssessmentService assessments,
            Clock clock) {
        this.service = service;
        this.clock = clock;
        this.certificates = certificates;
        this.calendar = calendar;
        this.assessments = assessments;
        this.validator = validator;
        this.mayManage = service.mayManage();
        setSizeFull();
        configureGrid();
        configureDialog();
        add(new H2("Vendors"), toolbar(), grid);
    }

    private void configureGrid() {
        grid.setId("vendors-grid");
        grid.getElement().getThemeList().add("wrap-cell-content"); // long names wrap instead of ending in "…"
        grid.addColumn(Vendor::getName)
                .setWidth("10rem")
                .setHeader("Name")
                .setSortProperty("name")
                .setFlexGrow(2)
                .setTooltipGenerator(Vendor::getName);
        grid.addColumn(v -> VendorVocabulary.label(v.getCriticality()))
                .setHeader("Criticality")
                .setSortProperty("criticality")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> VendorVocabulary.label(v.getTier()))
                .setHeader("Risk tier")
                .setSortProperty("tier")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> v.getRiskScore() == null ? "–" : String.valueOf(v.getRiskScore()))
                .setHeader("Score")
                .setSortProperty("riskScore")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> VendorVocabulary.label(v.getDpaStatus()))
                .setHeader("Agreement")
                .setSortProperty("dpaStatus")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> (v.meetsGdpr() ? "GDPR " : "") + (v.meetsCcpa() ? "CCPA" : ""))
                .setHeader("Meets")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> v.getSystems().size())
                .setHeader("AI systems")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::certificateBadge)
                .setHeader("Certificates")
                .setKey("certificates")
                .setWidth("11rem")
                .setFlexGrow(1);
        grid.setItems(
                query -> service.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) service.count(filter()));
        grid.setEmptyStateText(
                mayManage
                        ? "No vendors match. Register the first one with “Register vendor”."
                        : "No vendors match these filters.");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
    }

    /** A badge when a certificate expires within 60 days or has expired. */
    private Component certificateBadge(Vendor vendor) {
        Span badge = new Span();
        certificates.badge(vendor).ifPresent(text -> {
            badge.setText(text);
            badge.addClassNames("aegis-badge", text.contains("expired") ? "aegis-badge-changed" : "aegis-badge-review");
        });
        return badge;
    }

    private Component toolbar() {
        text.setPlaceholder("Search name, services");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("vendors-search");
        text.addValueChangeListener(e -> filtersChanged());
        for (ComboBox<?> box : List.of(criticality, tier, dpa)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> filtersChanged());
        }
        certificatesDue.setId("vendors-certificates");
        certificatesDue.setTooltipText(
                "A certificate expired or expiring within " + VendorCard.CERTIFICATE_DAYS + " days");
        certificatesDue.addValueChangeListener(e -> filtersChanged());
        criticality.setItemLabelGenerator(VendorVocabulary::label);
        tier.setItemLabelGenerator(VendorVocabulary::label);
        dpa.setItemLabelGenerator(VendorVocabulary::label);
        register.setId("register-vendor");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setVisible(mayManage);
        register.addClickListener(e -> openNew());
        Button templates = new Button(
                "Questionnaire templates",
                new Icon(VaadinIcon.LIST_OL),
                e -> getUI().ifPresent(ui -> ui.navigate(TemplatesView.class)));
        templates.setId("open-templates");
        templates.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(text, criticality, tier, dpa, certificatesDue, register, templates);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private void configureDialog() {
        dialog.setWidth("min(64rem, 95vw)");
        reassessment.setId("vendor-reassessment");
        reassessment.setItemLabelGenerator(ReassessmentInterval::label);
        reassessment.setPlaceholder("By criticality");
        reassessment.setClearButtonVisible(true);
        reassessment.setWidth("16rem");
        reassessment.addValueChangeListener(e -> {
            if (e.isFromClient() && editing != null) {
                chooseReassessment(e.getValue());
            }
        });
        HorizontalLayout standingBar = new HorizontalLayout(standing, reassessment);
        standingBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        assessmentLinks.setId("vendor-assessments");
        dialog.add(standingBar, assessmentLinks, form);
        dialog.getFooter().add(form.buttons());
        form.addSaveListener(e -> save(e.details()));
        form.addCancelListener(e -> dialog.close());
        remove.setId("vendor-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(e -> removeEditing());
        dialog.getHeader().add(remove);
    }

    void openNew() {
        editing = null;
        form.setSystemChoices(service.systemNames());
        dialog.setHeaderTitle("Register a vendor");
        standing.setText("");
        reassessment.setVisible(false);
        assessmentLinks.removeAll();
        remove.setVisible(false);
        form.show(VendorForm.blank(), true);
        dialog.open();
    }

    void open(Vendor vendor) {
        editing = service.get(vendor.getId());
        form.setSystemChoices(service.systemNames());
        dialog.setHeaderTitle(editing.getName());
        standing.setText("Risk tier " + VendorVocabulary.label(editing.getTier()) + " · score "
                + (editing.getRiskScore() == null ? "not assessed yet" : editing.getRiskScore() + " of 100"));
        remove.setVisible(mayManage);
        showReassessment();
        showAssessments(editing);
        form.show(editing.details(), mayManage);
        dialog.open();
    }

    private void showReassessment() {
        reassessment.setVisible(true);
        reassessment.setReadOnly(!mayManage);
        reassessment.setValue(editing.getChosenReassessmentInterval());
        java.time.LocalDate next = calendar.nextReassessment(editing.getId());
        reassessment.setHelperText(editing.reassessmentInterval().label()
                + (editing.getChosenReassessmentInterval() == null ? " (by criticality)" : "")
                + (next == null ? "" : " · next assessment due " + next));
    }

    /** Takes effect at once (the form's other fields are saved with "Save"). */
    void chooseReassessment(ReassessmentInterval interval) {
        try {
            editing = calendar.reassessEvery(editing.getId(), editing.getVersion(), interval);
            showReassessment();
            notice(
                    "Reassessment: " + editing.reassessmentInterval().label().toLowerCase() + ".",
                    NotificationVariant.LUMO_SUCCESS);
        } catch (OptimisticLockingFailureException e) {
            notice(
                    "Someone else changed this vendor; reopen it to choose the reassessment.",
                    NotificationVariant.LUMO_ERROR);
        }
    }

    /** The vendor's assessments, newest first, each a link to its review. */
    private void showAssessments(Vendor vendor) {
        assessmentLinks.removeAll();
        var list = assessments.forVendor(vendor.getId());
        if (list.isEmpty()) {
            assessmentLinks.add(new Span("No assessments yet."));
            return;
        }
        assessmentLinks.add(new Span("Assessments: "));
        for (var a : list) {
            var link = new com.vaadin.flow.router.RouterLink(
                    "#" + a.getId() + " " + a.getState().label() + " (due " + a.getDueOn()
                            + (a.getScore() == null ? "" : ", score " + a.getScore()) + ")",
                    AssessmentReviewView.class,
                    new com.vaadin.flow.router.RouteParameters("id", String.valueOf(a.getId())));
            link.setId("open-assessment-" + a.getId());
            link.getElement().addEventListener("click", e -> dialog.close());
            link.getStyle().set("margin-right", "1em");
            assessmentLinks.add(link);
        }
    }

    void save(VendorDetails details) {
        form.clearErrors();
        Set<ConstraintViolation<VendorDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            violations.forEach(v -> form.showError(v.getPropertyPath().toString(), FormFields.message(v)));
            return;
        }
        try {
            Vendor saved = editing == null
                    ? service.register(details)
                    : service.update(editing.getId(), editing.getVersion(), details);
            dialog.close();
            notice("Saved " + saved.getName() + ".", NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainRuleException e) {
            if (e.field() == null || !form.showError(e.field(), e.getMessage())) {
                notice(e.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        } catch (OptimisticLockingFailureException e) {
            editing = service.get(editing.getId());
            notice(
                    "Someone else changed this vendor while you were editing. Your input is kept: review it and save "
                            + "again to overwrite their change.",
                    NotificationVariant.LUMO_WARNING);
        }
    }

    void removeEditing() {
        try {
            service.remove(editing.getId(), editing.getVersion());
            dialog.close();
            notice("Removed " + editing.getName() + ".", NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (OptimisticLockingFailureException e) {
            notice("Someone else changed this vendor; reopen it before removing it.", NotificationVariant.LUMO_ERROR);
        }
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }

    private VendorService.Filter filter() {
        return new VendorService.Filter(
                text.getValue(),
                criticality.getValue(),
                tier.getValue(),
                dpa.getValue(),
                null,
                null,
                certificatesDue.getValue() ? LocalDate.now(clock).plusDays(VendorCard.CERTIFICATE_DAYS) : null);
    }

    /** Fills the filters from the address: {@code vendors?q=&criticality=&tier=&agreement=&certificates=expiring}. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AddressFilters address = AddressFilters.of(event.getLocation().getQueryParameters());
        restoring = true;
        try {
            text.setValue(address.text("q").orElse(""));
            criticality.setValue(address.value("criticality", Level.class).orElse(null));
            tier.setValue(address.value("tier", Level.class).orElse(null));
            dpa.setValue(address.value("agreement", DpaStatus.class).orElse(null));
            certificatesDue.setValue(
                    address.text("certificates").filter("expiring"::equals).isPresent());
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        refresh();
        Map<String, String> p = new LinkedHashMap<>();
        if (!text.getValue().isBlank()) {
            p.put("q", text.getValue().trim());
        }
        if (criticality.getValue() != null) {
            p.put("criticality", criticality.getValue().name());
        }
        if (tier.getValue() != null) {
            p.put("tier", tier.getValue().name());
        }
        if (dpa.getValue() != null) {
            p.put("agreement", dpa.getValue().name());
        }
        if (certificatesDue.getValue()) {
            p.put("certificates", "expiring");
        }
        AddressFilters.write("vendors", p);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
