package dev.aegis.framework.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.Relationship;
import dev.aegis.shared.DomainRuleException;
import java.util.List;

/**
 * A reviewer confirms or corrects one mapping. Only collects input and fires {@link ReviewEvent}; the view calls the
 * service with the edge's version, so a concurrent change is caught.
 */
class EdgeReviewDialog extends Dialog {

    static final List<String> CONFIDENCE = List.of("LOW", "MEDIUM", "HIGH");

    final Edge edge;
    final Select<Relationship> relationship = new Select<>();
    final Select<String> confidence = new Select<>();
    final TextArea note = new TextArea("Review note");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save review");
    final Button cancel = new Button("Cancel");

    EdgeReviewDialog(Edge edge) {
        this.edge = edge;
        setId("review-edge-dialog");
        setHeaderTitle("Review mapping " + edge.source().refId() + " → "
                + edge.target().refId());
        setCloseOnEsc(true);
        setCloseOnOutsideClick(false);
        setWidth("min(40rem, 95vw)");
        configureFields();
        formError.addClassNames("aegis-form-error");
        formError.setVisible(false);
        FormLayout form = new FormLayout(relationship, confidence, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(note, 2);
        add(facts(), formError, form);
        save.setId("save-review");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit());
        cancel.setId("cancel-review");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
    }

    private void configureFields() {
        relationship.setId("review-relationship");
        relationship.setLabel("Relationship");
        Badges.relationshipPicker(relationship);
        relationship.setValue(edge.relationship());
        confidence.setId("review-confidence");
        confidence.setLabel("Confidence");
        confidence.setItems(CONFIDENCE);
        confidence.setItemLabelGenerator(c -> c.charAt(0) + c.substring(1).toLowerCase());
        confidence.setValue(CONFIDENCE.contains(edge.confidence()) ? edge.confidence() : "MEDIUM");
        note.setId("review-note");
        note.setMaxLength(2000);
        note.setHelperText("Why the mapping holds, or what you corrected. Goes into the audit log.");
        note.setValue(edge.reviewNote() == null ? "" : edge.reviewNote());
    }

    private DescriptionList facts() {
        DescriptionList facts = new DescriptionList();
        facts.addClassNames("aegis-facts");
        fact(facts, "Source", edge.source().label());
        fact(facts, "Target", edge.target().label());
        fact(facts, "Mapped by", edge.mappingSource());
        fact(facts, "Rationale", edge.rationale());
        if (edge.needsReview() || edge.catalogChanged()) {
            Span flags = new Span();
            if (edge.needsReview()) {
                flags.add(Badges.needsReview());
            }
            if (edge.catalogChanged()) {
                flags.add(Badges.catalogChanged());
            }
            facts.add(new DescriptionList.Term("Flags"), new DescriptionList.Description(flags));
        }
        fact(facts, "Last reviewed by", edge.reviewedBy());
        return facts;
    }

    private static void fact(DescriptionList facts, String term, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
        }
    }

    void submit() {
        formError.setVisible(false);
        relationship.setInvalid(false);
        confidence.setInvalid(false);
        fireEvent(new ReviewEvent(this, relationship.getValue(), confidence.getValue(), note.getValue()));
    }

    void refuse(DomainRuleException rule) {
        HasValidation field = switch (rule.field() == null ? "" : rule.field()) {
            case "relationship" -> relationship;
            case "confidence" -> confidence;
            default -> null;
        };
        if (field == null) {
            formError.setText(rule.getMessage());
            formError.setVisible(true);
        } else {
            field.setErrorMessage(rule.getMessage());
            field.setInvalid(true);
        }
    }

    Registration addReviewListener(ComponentEventListener<ReviewEvent> listener) {
        return addListener(ReviewEvent.class, listener);
    }

    static final class ReviewEvent extends ComponentEvent<EdgeReviewDialog> {
        private final Relationship relationship;
        private final String confidence;
        private final String note;

        ReviewEvent(EdgeReviewDialog source, Relationship relationship, String confidence, String note) {
            super(source, false);
            this.relationship = relationship;
            this.confidence = confidence;
            this.note = note;
        }

        Relationship relationship() {
            return relationship;
        }

        String confidence() {
            return confidence;
        }

        String note() {
            return note == null || note.isBlank() ? null : note.strip();
        }
    }
}
