package dev.aegis.risk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.inventory.Classification;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.FormFields;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A risk's details, for raising and for editing: a plain component that fires {@link SaveEvent} and
 * {@link CancelEvent} and never calls a service. What its pickers offer comes from {@link Choices}. Messages of Bean
 * Validation and of the register's rules show next to the field they are about ({@link #showError}). Enter in the
 * title saves; the dialog's Escape cancels.
 */
class RiskForm extends VerticalLayout {

    /** An AI system as the pickers show it. */
    record SystemRef(long id, String name) {}

    /** What the pickers offer, paged; and the labels of the ids a risk already names. */
    interface Choices {
        Stream<SystemRef> systems(String filter, int offset, int limit);

        /** ATLAS techniques and sub-techniques and OWASP LLM entries. */
        Stream<RequirementSummary> threats(String filter, int offset, int limit);

        /** Requirements of every framework in the catalog. */
        Stream<RequirementSummary> requirements(String filter, int offset, int limit);

        List<SystemRef> systemsById(Collection<Long> ids);

        List<RequirementSummary> requirementsById(Collection<Long> ids);

        /** Who may own a risk: the active users. */
        List<UserDirectory.Person> people();
    }

    final TextField title = new TextField("Title");
    final Select<Category> category = new Select<>();
    final TextArea description = new TextArea("Description");
    final MultiSelectComboBox<SystemRef> systems = new MultiSelectComboBox<>("AI systems");
    final MultiSelectComboBox<RequirementSummary> threats =
            new MultiSelectComboBox<>("Threats (ATLAS techniques, OWASP LLM entries)");
    final MultiSelectComboBox<RequirementSummary> requirements =
            new MultiSelectComboBox<>("Framework requirements it bears on");
    final IntegerField inherentLikelihood = scale("Likelihood (1–5)");
    final IntegerField inherentImpact = scale("Impact (1–5)");
    final ComboBox<String> owner;
    final DatePicker dueDate = new DatePicker("Due date");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final transient Choices choices;
    /** The form's fields by the name of the {@link RiskDetails} component they edit. */
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();

    RiskForm(Choices choices) {
        this.choices = choices;
        this.owner = FormFields.people("Owner", choices.people());
        setPadding(false);
        configureFields();
        FormLayout form = new FormLayout(
                title,
                category,
                description,
                systems,
                threats,
                requirements,
                inherentLikelihood,
                inherentImpact,
                owner,
                dueDate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        for (com.vaadin.flow.component.Component wide :
                List.<com.vaadin.flow.component.Component>of(description, systems, threats, requirements)) {
            form.setColspan(wide, 2);
        }
        save.setId("risk-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter saves from the title only: in the pickers and the date it chooses, in the description it breaks the
        // line
        FormFields.submitOnEnter(save, title);
        save.addClickListener(e -> {
            if (FormFields.holdsInput(dueDate)) {
                fireEvent(new SaveEvent(this, read()));
            } else {
                dueDate.setInvalid(true);
            }
        });
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        byField.put("title", title);
        byField.put("category", category);
        byField.put("description", description);
        byField.put("systems", systems);
        byField.put("threats", threats);
        byField.put("requirements", requirements);
        byField.put("inherentLikelihood", inherentLikelihood);
        byField.put("inherentImpact", inherentImpact);
        byField.put("owner", owner);
        byField.put("dueDate", dueDate);
        add(form);
    }

    private void configureFields() {
        title.setId("risk-title");
        title.setRequiredIndicatorVisible(true);
        FormFields.limit(title, 200);
        FormFields.limit(description, 4000);
        FormFields.sensible(dueDate, "The due date");
        dueDate.setId("risk-due-date");
        owner.setId("risk-owner");
        category.setLabel("Category");
        category.setId("risk-category");
        category.setItems(Category.values());
        category.setItemLabelGenerator(Classification::label);
        category.setRequiredIndicatorVisible(true);
        systems.setId("risk-systems");
        systems.setRequiredIndicatorVisible(true);
        systems.setItemLabelGenerator(SystemRef::name);
        systems.setItems(q -> choices.systems(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
        threats.setId("risk-threats");
        threats.setItemLabelGenerator(RequirementSummary::label);
        threats.setItems(q -> choices.threats(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
        requirements.setId("risk-requirements");
        requirements.setItemLabelGenerator(RiskForm::requirementLabel);
        requirements.setItems(q -> choices.requirements(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
        requirements.setHelperText("Search by reference or title across the frameworks, e.g. “MEASURE 2.10” or “A.7”.");
        inherentLikelihood.setId("risk-likelihood");
        inherentImpact.setId("risk-impact");
        owner.setHelperText("Empty: you own it.");
    }

    /** Fills the form; {@code editable} false shows it read-only, without Save. */
    void show(RiskDetails d, boolean editable) {
        clearErrors();
        title.setValue(orEmpty(d.title()));
        category.setValue(d.category());
        description.setValue(orEmpty(d.description()));
        systems.setValue(new HashSet<>(choices.systemsById(orNone(d.systems()))));
        threats.setValue(new HashSet<>(choices.requirementsById(orNone(d.threats()))));
        requirements.setValue(new HashSet<>(choices.requirementsById(orNone(d.requirements()))));
        inherentLikelihood.setValue(d.inherentLikelihood());
        inherentImpact.setValue(d.inherentImpact());
        FormFields.show(owner, d.owner());
        dueDate.setValue(d.dueDate());
        byField.values().forEach(f -> ((HasValue<?, ?>) f).setReadOnly(!editable));
        save.setVisible(editable);
        cancel.setText(editable ? "Cancel" : "Close");
        if (editable) {
            title.focus();
        }
    }

    /** What the form says now, as the details the service takes. */
    RiskDetails read() {
        return new RiskDetails(
                title.getValue(),
                description.getValue(),
                category.getValue(),
                systems.getValue().stream().map(SystemRef::id).collect(Collectors.toSet()),
                ids(threats.getValue()),
                ids(requirements.getValue()),
                inherentLikelihood.getValue(),
                inherentImpact.getValue(),
                owner.getValue(),
                dueDate.getValue());
    }

    /** Shows a message next to the field it is about (names as in {@link RiskDetails}); false if no field is. */
    boolean showError(String field, String message) {
        HasValidation component = field == null ? null : byField.get(field);
        if (component == null) {
            return false;
        }
        component.setErrorMessage(message);
        component.setInvalid(true);
        return true;
    }

    void clearErrors() {
        byField.values().forEach(f -> f.setInvalid(false));
    }

    /** Save and Cancel, for the footer of the dialog that holds the form (so they stay in view). */
    com.vaadin.flow.component.Component[] buttons() {
        return new com.vaadin.flow.component.Component[] {save, cancel};
    }

    boolean editable() {
        return save.isVisible();
    }

    static String requirementLabel(RequirementSummary r) {
        return r.frameworkCode() + " · " + r.label();
    }

    private static Set<Long> ids(Set<RequirementSummary> values) {
        return values.stream().map(RequirementSummary::id).collect(Collectors.toSet());
    }

    private static Set<Long> orNone(Set<Long> ids) {
        return ids == null ? Set.of() : ids;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A rating on the 5×5 matrix: typed or stepped, 1 to 5. */
    static IntegerField scale(String label) {
        IntegerField field = new IntegerField(label);
        field.setMin(1);
        field.setMax(5);
        field.setStepButtonsVisible(true);
        field.setRequiredIndicatorVisible(true);
        return field;
    }

    static class SaveEvent extends ComponentEvent<RiskForm> {
        private final RiskDetails details;

        SaveEvent(RiskForm source, RiskDetails details) {
            super(source, false);
            this.details = details;
        }

        RiskDetails details() {
            return details;
        }
    }

    static class CancelEvent extends ComponentEvent<RiskForm> {
        CancelEvent(RiskForm source) {
            super(source, false);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
