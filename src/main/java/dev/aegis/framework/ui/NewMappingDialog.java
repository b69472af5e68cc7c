package dev.aegis.framework.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.Relationship;
import dev.aegis.shared.DomainRuleException;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

/**
 * An officer maps a requirement of one framework to one of another. The two requirement pickers search the catalog
 * lazily, page by page, as the officer types. Fires {@link AddEvent}; the view calls the service.
 */
class NewMappingDialog extends Dialog {

    /** Finds requirements of a framework whose reference id or text contains the filter, one page at a time. */
    @FunctionalInterface
    interface RequirementLookup extends Serializable {
        Stream<RequirementSummary> find(String frameworkCode, String filter, int page, int pageSize);
    }

    final Select<FrameworkSummary> sourceFramework = new Select<>();
    final ComboBox<RequirementSummary> source = new ComboBox<>("Requirement");
    final Select<FrameworkSummary> targetFramework = new Select<>();
    final ComboBox<RequirementSummary> target = new ComboBox<>("Maps to");
    final Select<Relationship> relationship = new Select<>();
    final Select<String> confidence = new Select<>();
    final TextArea rationale = new TextArea("Rationale");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Add mapping");
    final Button cancel = new Button("Cancel");

    NewMappingDialog(
            List<FrameworkSummary> frameworks, FrameworkSummary from, FrameworkSummary to, RequirementLookup lookup) {
        setId("new-mapping-dialog");
        setHeaderTitle("Add a mapping");
        setCloseOnEsc(true);
        setCloseOnOutsideClick(false);
        setWidth("min(44rem, 95vw)");
        configureEnd(sourceFramework, source, "From framework", "new-mapping-source", frameworks, from, lookup);
        configureEnd(targetFramework, target, "To framework", "new-mapping-target", frameworks, to, lookup);
        configureJudgement();
        formError.addClassNames("aegis-form-error");
        formError.setVisible(false);
        FormLayout form =
                new FormLayout(sourceFramework, source, targetFramework, target, relationship, confidence, rationale);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(rationale, 2);
        add(
                new Paragraph("Your mapping goes into the organisation's own crosswalk between the two frameworks; "
                        + "published crosswalks keep their content. The audit log records it."),
                formError,
                form);
        save.setId("save-mapping");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit());
        cancel.setId("cancel-mapping");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
    }

    private static void configureEnd(
            Select<FrameworkSummary> framework,
            ComboBox<RequirementSummary> requirement,
            String label,
            String id,
            List<FrameworkSummary> frameworks,
            FrameworkSummary initial,
            RequirementLookup lookup) {
        framework.setId(id + "-framework");
        framework.setLabel(label);
        framework.setItems(frameworks);
        framework.setItemLabelGenerator(FrameworkSummary::name);
        framework.setValue(initial != null ? initial : frameworks.getFirst());
        requirement.setId(id);
        requirement.setPlaceholder("Type a reference id or words");
        requirement.setItemLabelGenerator(RequirementSummary::label);
        requirement.setItems(query -> lookup.find(
                framework.getValue().code(), query.getFilter().orElse(""), query.getPage(), query.getPageSize()));
        requirement.setRequired(true);
        framework.addValueChangeListener(e -> {
            requirement.clear();
            requirement.getDataProvider().refreshAll();
        });
    }

    private void configureJudgement() {
        relationship.setId("new-mapping-relationship");
        relationship.setLabel("Relationship");
        Badges.relationshipPicker(relationship);
        relationship.setValue(Relationship.RELATED);
        confidence.setId("new-mapping-confidence");
        confidence.setLabel("Confidence");
        confidence.setItems(EdgeReviewDialog.CONFIDENCE);
        confidence.setItemLabelGenerator(c -> c.charAt(0) + c.substring(1).toLowerCase());
        confidence.setValue("MEDIUM");
        rationale.setId("new-mapping-rationale");
        rationale.setMaxLength(2000);
        rationale.setHelperText("Why the two relate, for whoever reviews the mapping later.");
    }

    void submit() {
        formError.setVisible(false);
        source.setInvalid(false);
        target.setInvalid(false);
        if (source.getValue() == null || target.getValue() == null) {
            refuse(new DomainRuleException(
                    source.getValue() == null ? "source" : "target",
                    "Pick the requirement on both sides of the mapping."));
            return;
        }
        fireEvent(new AddEvent(
                this,
                source.getValue().id(),
                target.getValue().id(),
                relationship.getValue(),
                confidence.getValue(),
                rationale.getValue().isBlank() ? null : rationale.getValue().strip()));
    }

    void refuse(DomainRuleException rule) {
        HasValidation field = switch (rule.field() == null ? "" : rule.field()) {
            case "source" -> source;
            case "target" -> target;
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

    Registration addAddListener(ComponentEventListener<AddEvent> listener) {
        return addListener(AddEvent.class, listener);
    }

    record Added(long sourceId, long targetId, Relationship relationship, String confidence, String rationale) {}

    static final class AddEvent extends ComponentEvent<NewMappingDialog> {
        private final Added mapping;

        AddEvent(
                NewMappingDialog source,
                long sourceId,
                long targetId,
                Relationship relationship,
                String confidence,
                String rationale) {
            super(source, false);
            this.mapping = new Added(sourceId, targetId, relationship, confidence, rationale);
        }

        Added mapping() {
            return mapping;
        }
    }
}
