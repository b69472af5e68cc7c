package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.ManagementReviewService;
import dev.aegis.aims.ManagementReviewService.Meeting;
import dev.aegis.aims.ManagementReviewService.ReviewSummary;
import dev.aegis.aims.ManagementReviewService.ReviewView;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Management reviews (ISO/IEC 42001 9.3): meetings with the inputs Aegis assembled, minutes, decisions and actions. */
@Route("aims/reviews")
@PageTitle("Management reviews · Aegis")
@Menu(order = 29.6, icon = "vaadin:group", title = "Management reviews")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ManagementReviewsView extends VerticalLayout {

    private final transient ManagementReviewService reviews;
    private final transient AimsDocumentService aims;
    final Grid<ReviewSummary> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    ManagementReviewsView(ManagementReviewService reviews, AimsDocumentService aims) {
        this.reviews = reviews;
        this.aims = aims;
        setSizeFull();
        Button plan = new Button("Plan a review", new Icon(VaadinIcon.PLUS), e -> openPlan());
        plan.setId("aims-plan-review");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        plan.setVisible(reviews.mayWrite());
        HorizontalLayout bar = new HorizontalLayout(
                plan,
                Downloads.export(
                        "aims-reviews-csv",
                        "aims-management-reviews",
                        TabularFormat.CSV,
                        out -> reviews.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-reviews-xlsx",
                        "aims-management-reviews",
                        TabularFormat.XLSX,
                        out -> reviews.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        grid.setId("aims-reviews");
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(ReviewSummary::reference)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ReviewSummary::title)
                .setHeader("Review")
                .setWidth("14rem")
                .setFlexGrow(3);
        grid.addColumn(s -> Dates.day(s.meetingDate()))
                .setHeader("Meeting")
                .setAutoWidth(true)
                .setFlexGrow(0);
        NameCells.add(grid, ReviewSummary::chairName)
                .setHeader("Chair")
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.addComponentColumn(s -> {
                    Span b = new Span(s.held() ? "Held" : "Planned");
                    b.addClassName("aegis-badge");
                    if (s.held()) {
                        b.addClassName("aegis-cov-covered");
                    }
                    return b;
                })
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.decisions() + " decisions, " + s.actionsDone() + " of " + s.actions() + " actions done")
                .setHeader("Outputs")
                .setWidth("12rem")
                .setFlexGrow(1);
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(ManagementReviewPage.class, e.getItem().id())));
        grid.setSizeFull();
        empty.setId("aims-reviews-empty");
        add(
                new H2("Management reviews"),
                new Paragraph("Top management reviews the AI management system at planned intervals (ISO/IEC 42001"
                        + " 9.3). Aegis assembles each review's inputs as of its meeting date; a review held in the last"
                        + " twelve months meets 9.3 in Coverage."),
                bar,
                empty,
                grid);
        refresh();
    }

    void openPlan() {
        Dialog d = new Dialog("Plan a management review");
        TextField title = FormFields.limit(new TextField("Title"), 200);
        title.setValue("Management review " + LocalDate.now().getYear());
        DatePicker date = FormFields.sensible(new DatePicker("Meeting date"), "The meeting date");
        date.setValue(LocalDate.now());
        ComboBox<String> chair = FormFields.people("Chair (top management)", aims.people());
        MultiSelectComboBox<Person> attendees = new MultiSelectComboBox<>("Attendees");
        attendees.setItems(aims.people());
        attendees.setItemLabelGenerator(Person::label);
        title.setWidthFull();
        chair.setWidthFull();
        attendees.setWidthFull();
        VerticalLayout form = new VerticalLayout(title, date, chair, attendees);
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        d.add(form);
        Button save = new Button("Save", e -> {
            if (!FormFields.holdsInput(date)) {
                return;
            }
            try {
                ReviewView v = reviews.plan(new Meeting(
                        title.getValue(),
                        date.getValue(),
                        chair.getValue(),
                        attendees.getValue().stream()
                                .map(Person::username)
                                .sorted()
                                .toList()));
                d.close();
                getUI().ifPresent(ui -> ui.navigate(ManagementReviewPage.class, v.id()));
            } catch (DomainRuleException ex) {
                AimsUi.refuse(
                        ex,
                        Map.<String, Component>of(
                                "title", title, "meetingDate", date, "chair", chair, "attendees", attendees));
            }
        });
        save.setId("aims-save-review");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void refresh() {
        List<ReviewSummary> all = reviews.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                reviews.mayWrite()
                        ? "No management review is recorded. Plan a review: Aegis gathers its inputs as of the meeting date."
                        : "No management review is recorded.");
    }
}
