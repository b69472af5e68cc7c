package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.ManagementReviewInput.ReviewSection;
import dev.aegis.aims.ManagementReviewService;
import dev.aegis.aims.ManagementReviewService.OutputView;
import dev.aegis.aims.ManagementReviewService.ReviewView;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/** One management review: its inputs as of the meeting date, minutes, decisions and actions, and the minutes PDF. */
@Route("aims/review")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ManagementReviewPage extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient ManagementReviewService reviews;
    private final transient AimsDocumentService aims;
    private ReviewView review;
    final H2 heading = new H2();
    final Div facts = new Div();
    final HorizontalLayout buttons = new HorizontalLayout();
    final Div inputs = new Div();
    final Div minutes = new Div();
    final Grid<OutputView> outputs = new Grid<>();
    final Paragraph outputsEmpty = new Paragraph();

    ManagementReviewPage(ManagementReviewService reviews, AimsDocumentService aims) {
        this.reviews = reviews;
        this.aims = aims;
        setWidthFull();
        buttons.setWrap(true);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        inputs.setId("aims-review-inputs");
        outputs.setId("aims-review-outputs");
        outputs.setAllRowsVisible(true);
        outputs.getElement().getThemeList().add("wrap-cell-content");
        outputs.addColumn(o -> o.action() ? "Action" : "Decision")
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        outputs.addColumn(OutputView::text).setHeader("What").setWidth("18rem").setFlexGrow(4);
        outputs.addColumn(o -> o.ownerName() == null ? "" : o.ownerName())
                .setHeader("Owner")
                .setWidth("9rem")
                .setFlexGrow(1);
        outputs.addColumn(o -> o.due() == null ? "" : Dates.day(o.due()))
                .setHeader("Due")
                .setAutoWidth(true)
                .setFlexGrow(0);
        outputs.addColumn(o -> !o.action() ? "" : o.doneAt() == null ? "Open" : "Done " + Dates.minute(o.doneAt()))
                .setHeader("State")
                .setAutoWidth(true)
                .setFlexGrow(0);
        outputs.addComponentColumn(this::doneButton)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(
                new Anchor("aims/reviews", "← Management reviews"),
                heading,
                facts,
                buttons,
                inputs,
                minutes,
                new H3("Decisions and actions"),
                outputsEmpty,
                outputs);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        try {
            review = reviews.get(parameter == null ? -1 : parameter);
            show();
        } catch (NotFoundException e) {
            removeAll();
            add(new H2("Not found"), new Paragraph("There is no such management review."));
        }
    }

    @Override
    public String getPageTitle() {
        return (review == null ? "Management review" : review.reference() + " " + review.title()) + " · Aegis";
    }

    void show() {
        heading.setText(review.reference() + " · " + review.title());
        facts.removeAll();
        facts.add(AimsUi.facts(
                "Meeting", Dates.day(review.meetingDate()),
                "Chair", review.chairName(),
                "Attendees", String.join(", ", review.attendeeNames()),
                "Status",
                        review.held()
                                ? "Held; recorded " + Dates.minute(review.heldAt()) + " by " + review.heldBy()
                                : "Planned"));
        inputs.removeAll();
        inputs.add(new H3("Inputs as of " + Dates.day(review.meetingDate())));
        inputs.add(
                new Paragraph(
                        review.held()
                                ? "As Aegis assembled them for the meeting; frozen when the review was recorded."
                                : "Assembled by Aegis from the registers as of the meeting date; frozen when the review is recorded as held."));
        for (ReviewSection s : review.inputs()) {
            UnorderedList list = new UnorderedList();
            s.lines().forEach(l -> list.add(new ListItem(l)));
            inputs.add(new H4(s.title()), list);
        }
        minutes.removeAll();
        if (review.minutes() != null) {
            minutes.add(new H3("Minutes"), AimsUi.text(review.minutes()));
        }
        outputs.setItems(review.outputs());
        outputs.setVisible(!review.outputs().isEmpty());
        outputsEmpty.setVisible(review.outputs().isEmpty());
        outputsEmpty.setText(
                reviews.mayWrite()
                        ? "No decisions or actions yet. Add what the review decided, and actions with owners and due dates."
                        : "No decisions or actions recorded.");
        buttons.removeAll();
        if (reviews.mayWrite()) {
            Button add = new Button("Add a decision or action", new Icon(VaadinIcon.PLUS), e -> openOutput());
            add.setId("aims-review-add-output");
            buttons.add(add);
            if (!review.held()) {
                Button hold = new Button("Record as held", new Icon(VaadinIcon.CHECK), e -> openHold());
                hold.setId("aims-review-hold");
                hold.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                buttons.add(hold);
            }
        }
        buttons.add(Downloads.pdf(
                "aims-review-minutes",
                "Minutes (PDF)",
                VaadinIcon.FILE_TEXT_O,
                "management-review-" + review.reference() + ".pdf",
                out -> reviews.minutesPdf(review.id(), out)));
    }

    private Component doneButton(OutputView o) {
        if (!o.action()
                || o.doneAt() != null
                || !(reviews.mayWrite() || o.owner().equalsIgnoreCase(Actors.current()))) {
            return new Div();
        }
        Button b = new Button("Mark done", e -> {
            try {
                review = reviews.outputDone(review.id(), o.id(), o.version(), null);
                show();
            } catch (DomainRuleException | OptimisticLockingFailureException ex) {
                AimsUi.error(ex.getMessage());
            }
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    void openOutput() {
        Dialog d = new Dialog("Add a decision or action");
        Select<String> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems("Decision", "Action");
        kind.setValue("Action");
        TextArea text = FormFields.limit(new TextArea("What"), 2000);
        ComboBox<String> owner = FormFields.people("Owner", aims.people());
        DatePicker due = FormFields.sensible(new DatePicker("Due"), "The due date");
        due.setValue(LocalDate.now().plusMonths(1));
        kind.addValueChangeListener(e -> {
            owner.setVisible("Action".equals(e.getValue()));
            due.setVisible("Action".equals(e.getValue()));
        });
        text.setWidthFull();
        owner.setWidthFull();
        VerticalLayout form = new VerticalLayout(kind, text, owner, due);
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        d.add(form);
        Button save = new Button("Add", e -> {
            try {
                boolean action = "Action".equals(kind.getValue());
                review = reviews.addOutput(
                        review.id(),
                        action,
                        text.getValue(),
                        action ? owner.getValue() : null,
                        action ? due.getValue() : null);
                d.close();
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.<String, Component>of("text", text, "owner", owner, "due", due));
            }
        });
        save.setId("aims-save-output");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void openHold() {
        Dialog d = new Dialog("Record " + review.reference() + " as held");
        TextArea text = FormFields.limit(new TextArea("Minutes"), 20000);
        text.setWidth("min(44rem, 90vw)");
        text.setHelperText("The inputs shown are frozen with the minutes.");
        d.add(text);
        Button save = new Button("Record", e -> {
            try {
                review = reviews.hold(review.id(), review.version(), text.getValue());
                d.close();
                AimsUi.done("Recorded as held.");
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("minutes", text));
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                review = reviews.get(review.id());
                show();
            }
        });
        save.setId("aims-save-hold");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
