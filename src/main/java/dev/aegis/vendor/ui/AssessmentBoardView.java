package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.AddressFilters;
import dev.aegis.vendor.Assessment;
import dev.aegis.vendor.AssessmentBoard;
import dev.aegis.vendor.AssessmentBoard.Column;
import dev.aegis.vendor.AssessmentCard;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.VendorVocabulary;
import dev.aegis.vendor.VendorVocabulary.Level;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The assessments board: one column per stage (draft, with the vendor, submitted, returned, decided) with its count,
 * the soonest due first, at most {@value #PAGE} cards a column until "n more" is asked for; filters by vendor,
 * criticality and overdue. A card opens the assessment.
 */
@Route("assessments")
@PageTitle("Assessments · Aegis")
@Menu(order = 16, icon = "vaadin:tasks", title = "Assessments")
@RolesAllowed({"ADMIN", "VENDOR_MANAGER", "GOVERNANCE_OFFICER", "AUDITOR"})
public class AssessmentBoardView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE = 20;
    private final transient AssessmentBoard board;
    private final transient AssessmentService assessments;
    private final transient VendorService vendors;
    private final transient TemplateService templates;
    private final boolean mayManage;
    final ComboBox<Vendor> vendor = new ComboBox<>("Vendor");
    final ComboBox<Level> criticality = new ComboBox<>("Criticality", Level.values());
    final Checkbox overdue = new Checkbox("Overdue only");
    final Checkbox dueSoon = new Checkbox("Due within " + VendorCard.DUE_DAYS + " days");
    private final transient Clock clock;
    /** How many assessments the board holds under its filters. */
    long total;
    /** While the address fills the filters, their changes do not write it back. */
    private boolean restoring;

    final Button start = new Button("Start assessment", new Icon(VaadinIcon.PLUS));
    final Div columns = new Div();
    final Paragraph empty = new Paragraph();
    final Map<Column, ColumnView> byColumn = new EnumMap<>(Column.class);

    AssessmentBoardView(
            AssessmentBoard board,
            AssessmentService assessments,
            VendorService vendors,
            TemplateService templates,
            Clock clock) {
        this.board = board;
        this.clock = clock;
        this.assessments = assessments;
        this.vendors = vendors;
        this.templates = templates;
        this.mayManage = vendors.mayManage();
        setSizeFull();
        configureColumns();
        add(new H2("Assessments"), toolbar(), empty, columns);
    }

    /** Fills the filters from the address: {@code assessments?vendor=<id>&criticality=&overdue=true&due=30}. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AddressFilters address = AddressFilters.of(event.getLocation().getQueryParameters());
        restoring = true;
        try {
            vendor.setValue(address.id("vendor")
                    .flatMap(id -> {
                        try {
                            return java.util.Optional.of(vendors.get(id));
                        } catch (RuntimeException gone) {
                            return java.util.Optional.empty();
                        }
                    })
                    .orElse(null));
            criticality.setValue(address.value("criticality", Level.class).orElse(null));
            overdue.setValue(address.flag("overdue"));
            dueSoon.setValue(address.text("due").isPresent());
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
        Map<String, String> p = new java.util.LinkedHashMap<>();
        if (vendor.getValue() != null) {
            p.put("vendor", String.valueOf(vendor.getValue().getId()));
        }
        if (criticality.getValue() != null) {
            p.put("criticality", criticality.getValue().name());
        }
        if (overdue.getValue()) {
            p.put("overdue", "true");
        }
        if (dueSoon.getValue()) {
            p.put("due", String.valueOf(VendorCard.DUE_DAYS));
        }
        AddressFilters.write("assessments", p);
    }

    private Component toolbar() {
        vendor.setId("board-vendor");
        vendor.setItems(q -> vendors
                .search(
                        new VendorService.Filter(q.getFilter().orElse(""), null, null, null, null, null),
                        PageRequest.of(q.getOffset() / Math.max(1, q.getLimit()), q.getLimit(), Sort.by("name")))
                .stream());
        vendor.setItemLabelGenerator(Vendor::getName);
        criticality.setId("board-criticality");
        criticality.setItemLabelGenerator(VendorVocabulary::label);
        overdue.setId("board-overdue");
        for (ComboBox<?> box : java.util.List.of(vendor, criticality)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> filtersChanged());
        }
        overdue.addValueChangeListener(e -> filtersChanged());
        dueSoon.setId("board-due");
        dueSoon.setTooltipText("Drafts and assessments awaiting the vendor, due from today on");
        dueSoon.addValueChangeListener(e -> filtersChanged());
        start.setId("start-assessment");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setVisible(mayManage);
        start.addClickListener(e -> openStart());
        HorizontalLayout bar = new HorizontalLayout(vendor, criticality, overdue, dueSoon, start);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void configureColumns() {
        columns.addClassName("aegis-board");
        columns.setId("assessment-board");
        for (Column c : Column.values()) {
            ColumnView view = new ColumnView(c);
            byColumn.put(c, view);
            columns.add(view);
        }
        empty.setId("board-empty");
    }

    private AssessmentBoard.Filter filter() {
        return new AssessmentBoard.Filter(
                null,
                vendor.getValue() == null ? null : vendor.getValue().getId(),
                criticality.getValue(),
                overdue.getValue() ? Boolean.TRUE : null,
                dueSoon.getValue() ? LocalDate.now(clock) : null,
                dueSoon.getValue() ? LocalDate.now(clock).plusDays(VendorCard.DUE_DAYS) : null);
    }

    void refresh() {
        AssessmentBoard.Filter filter = filter();
        Map<Column, Long> counts = board.counts(filter);
        total = counts.values().stream().mapToLong(Long::longValue).sum();
        boolean filtered =
                vendor.getValue() != null || criticality.getValue() != null || overdue.getValue() || dueSoon.getValue();
        empty.setVisible(total == 0);
        columns.setVisible(total > 0);
        empty.setText(
                filtered
                        ? "No assessments match these filters."
                        : mayManage
                                ? "No assessments yet. Start one with “Start assessment”: choose the vendor, a questionnaire "
                                        + "template and the due date, then send the vendor its invitation."
                                : "No assessments yet. Vendor managers start them here.");
        byColumn.forEach((c, view) -> view.show(filter, counts.get(c)));
    }

    /** A column: its title and count, the first cards, and "n more" to load the next page. */
    final class ColumnView extends Div {
        final Column column;
        final H3 title = new H3();
        final Div cards = new Div();
        final Button more = new Button();
        private AssessmentBoard.Filter filter;
        private int pages;
        private long count;

        ColumnView(Column column) {
            this.column = column;
            addClassName("aegis-board-column");
            setId("board-" + column.name().toLowerCase().replace('_', '-'));
            cards.addClassName("aegis-board-cards");
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            more.addClickListener(e -> loadPage());
            add(title, cards, more);
        }

        void show(AssessmentBoard.Filter f, long count) {
            this.filter = f.withStates(column.states());
            this.count = count;
            this.pages = 0;
            title.setText(column.label() + " · " + count);
            cards.removeAll();
            loadPage();
        }

        void loadPage() {
            if (pages * PAGE < count) {
                Page<AssessmentCard> page = board.cards(filter, PageRequest.of(pages++, PAGE));
                page.forEach(card -> cards.add(card(card)));
            }
            long left = count - (long) cards.getComponentCount();
            more.setText(left + " more");
            more.setVisible(left > 0);
        }
    }

    static Component card(AssessmentCard c) {
        Anchor card = new Anchor(c.route());
        card.addClassNames("aegis-card", "aegis-board-card");
        card.getElement().setAttribute("data-assessment", String.valueOf(c.id()));
        Span vendorName = new Span(c.vendorName());
        vendorName.getStyle().set("font-weight", "600");
        card.add(vendorName, new Span(c.templateTitle() + " · v" + c.templateVersion()));
        HorizontalLayout facts = new HorizontalLayout();
        facts.setSpacing(false);
        facts.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        facts.add(badge(VendorVocabulary.label(c.criticality()), null));
        if (c.overdue()) {
            facts.add(badge("Overdue since " + c.overdueSince(), "aegis-badge-changed"));
        }
        if (c.score() != null) {
            facts.add(badge("Score " + c.score(), null));
        }
        if (c.state() == Assessment.State.APPROVED || c.state() == Assessment.State.REJECTED) {
            facts.add(badge(c.state().label(), c.state() == Assessment.State.REJECTED ? "aegis-badge-changed" : null));
        }
        card.add(facts);
        card.add(new Span("Due " + c.dueOn()));
        return card;
    }

    private static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassName("aegis-badge");
        if (variant != null) {
            badge.addClassName(variant);
        }
        return badge;
    }

    void openStart() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Start an assessment");
        ComboBox<Vendor> who = new ComboBox<>("Vendor");
        who.setItems(q -> vendors
                .search(
                        new VendorService.Filter(q.getFilter().orElse(""), null, null, null, null, null),
                        PageRequest.of(q.getOffset() / Math.max(1, q.getLimit()), q.getLimit(), Sort.by("name")))
                .stream());
        who.setItemLabelGenerator(Vendor::getName);
        who.setRequired(true);
        ComboBox<QuestionnaireTemplate> template = new ComboBox<>("Questionnaire");
        template.setItems(templates.latest());
        template.setItemLabelGenerator(t -> t.getTitle() + " · version " + t.getVersion());
        template.setRequired(true);
        DatePicker due = new DatePicker("Due date", LocalDate.now().plusDays(30));
        due.setMin(LocalDate.now());
        due.setRequired(true);
        Button go = new Button("Start", e -> {
            who.setInvalid(who.getValue() == null);
            who.setErrorMessage("Choose the vendor.");
            template.setInvalid(template.getValue() == null);
            template.setErrorMessage("Choose the questionnaire.");
            if (who.getValue() == null || template.getValue() == null) {
                return;
            }
            try {
                assessments.start(who.getValue().getId(), template.getValue().getId(), due.getValue());
                dialog.close();
                Notification.show(
                                "Started: the draft is on the board. Open it to send the vendor its invitation.",
                                5000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (DomainRuleException ex) {
                if ("dueOn".equals(ex.field())) {
                    due.setErrorMessage(ex.getMessage());
                    due.setInvalid(true);
                } else {
                    Notification.show(ex.getMessage(), 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.setId("start-assessment-confirm");
        dialog.add(new FormLayout(who, template, due));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
    }
}
