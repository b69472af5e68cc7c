package dev.aegis.evidence.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import dev.aegis.evidence.EvidenceDetails;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.FormFields;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An evidence item's details: title, description, owner, the dates of its current version and its links to controls,
 * framework requirements and AI systems. Checks each field as it is typed (Binder); never calls a service itself, the
 * link pickers are given their lazy lookups.
 */
class EvidenceForm extends FormLayout {

    /** A control, requirement or system as a picker shows it; equal by id. */
    record Ref(long id, String label) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Ref r && r.id == id;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    /** The form's working copy. */
    static final class Draft {
        String title = "";
        String description = "";
        String owner;
        LocalDate collectedOn;
        LocalDate effectiveFrom;
        LocalDate effectiveTo;
        LocalDate expiresOn;
        Set<Ref> controls = new HashSet<>();
        Set<Ref> requirements = new HashSet<>();
        Set<Ref> systems = new HashSet<>();
    }

    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final ComboBox<String> owner;
    final DatePicker collectedOn = new DatePicker("Collected on");
    final DatePicker effectiveFrom = new DatePicker("Covers from");
    final DatePicker effectiveTo = new DatePicker("Covers to");
    final DatePicker expiresOn = new DatePicker("Expires on");
    final MultiSelectComboBox<Ref> controls = new MultiSelectComboBox<>("Controls it serves");
    final MultiSelectComboBox<Ref> requirements = new MultiSelectComboBox<>("Framework requirements");
    final MultiSelectComboBox<Ref> systems = new MultiSelectComboBox<>("AI systems");
    final Binder<Draft> binder = new Binder<>();
    private Draft draft = new Draft();

    EvidenceForm(
            FetchCallback<Ref, String> controlSearch,
            FetchCallback<Ref, String> requirementSearch,
            FetchCallback<Ref, String> systemSearch,
            UserDirectory people) {
        owner = FormFields.people("Owner", people);
        owner.setHelperText("Warned before the evidence expires");
        title.setId("evidence-title");
        owner.setId("evidence-owner");
        effectiveTo.setId("evidence-effective-to");
        expiresOn.setId("evidence-expires-on");
        controls.setId("evidence-controls");
        systems.setId("evidence-systems");
        FormFields.limit(title, 300);
        FormFields.limit(description, 20000);
        FormFields.sensible(collectedOn, "The collection date");
        FormFields.sensible(effectiveFrom, "The start of the period covered");
        FormFields.sensible(effectiveTo, "The end of the period covered");
        FormFields.sensible(expiresOn, "The expiry date");
        effectiveFrom.setHelperText("The period the evidence covers, not the upload date");
        for (MultiSelectComboBox<Ref> picker : java.util.List.of(controls, requirements, systems)) {
            picker.setItemLabelGenerator(Ref::label);
        }
        controls.setItems(controlSearch);
        requirements.setItems(requirementSearch);
        systems.setItems(systemSearch);
        binder.forField(title).asRequired("Give the evidence a title.").bind(d -> d.title, (d, v) -> d.title = v);
        binder.forField(description).bind(d -> d.description, (d, v) -> d.description = v);
        binder.forField(owner)
                .asRequired("Choose the owner from the list of users.")
                .bind(d -> d.owner, (d, v) -> d.owner = v);
        binder.forField(collectedOn)
                .withValidator(
                        d -> d == null || !d.isAfter(LocalDate.now()), "Evidence cannot be collected in the future.")
                .bind(d -> d.collectedOn, (d, v) -> d.collectedOn = v);
        binder.forField(effectiveFrom).bind(d -> d.effectiveFrom, (d, v) -> d.effectiveFrom = v);
        binder.forField(effectiveTo)
                .withValidator((to, ctx) ->
                        to == null || effectiveFrom.getValue() == null || !to.isBefore(effectiveFrom.getValue())
                                ? ValidationResult.ok()
                                : ValidationResult.error("The period cannot end before it starts."))
                .bind(d -> d.effectiveTo, (d, v) -> d.effectiveTo = v);
        binder.forField(expiresOn)
                .withValidator((exp, ctx) ->
                        exp == null || collectedOn.getValue() == null || !exp.isBefore(collectedOn.getValue())
                                ? ValidationResult.ok()
                                : ValidationResult.error("Evidence cannot expire before it was collected."))
                .bind(d -> d.expiresOn, (d, v) -> d.expiresOn = v);
        binder.forField(controls).bind(d -> d.controls, (d, v) -> d.controls = new HashSet<>(v));
        binder.forField(requirements).bind(d -> d.requirements, (d, v) -> d.requirements = new HashSet<>(v));
        binder.forField(systems).bind(d -> d.systems, (d, v) -> d.systems = new HashSet<>(v));
        effectiveFrom.addValueChangeListener(e -> binder.validate());
        collectedOn.addValueChangeListener(e -> binder.validate());
        add(
                title,
                owner,
                description,
                collectedOn,
                effectiveFrom,
                effectiveTo,
                expiresOn,
                controls,
                requirements,
                systems);
        setColspan(description, 2);
        setColspan(controls, 2);
        setColspan(requirements, 2);
        setColspan(systems, 2);
    }

    /** Shows these details; the links come with their labels. */
    void show(EvidenceDetails details, Set<Ref> controlRefs, Set<Ref> requirementRefs, Set<Ref> systemRefs) {
        draft = new Draft();
        draft.title = details.title() == null ? "" : details.title();
        draft.description = details.description() == null ? "" : details.description();
        draft.owner = details.owner() == null || details.owner().isBlank() ? null : details.owner();
        draft.collectedOn = details.collectedOn();
        draft.effectiveFrom = details.effectiveFrom();
        draft.effectiveTo = details.effectiveTo();
        draft.expiresOn = details.expiresOn();
        draft.controls = new HashSet<>(controlRefs);
        draft.requirements = new HashSet<>(requirementRefs);
        draft.systems = new HashSet<>(systemRefs);
        FormFields.show(owner, draft.owner); // a former user still named stays visible
        binder.readBean(draft);
    }

    /** The details typed, or null (with the fields marked) when a field is invalid. */
    EvidenceDetails read() {
        Draft d = new Draft();
        if (!binder.writeBeanIfValid(d)) {
            binder.validate();
            return null;
        }
        return new EvidenceDetails(
                d.title,
                d.description,
                d.owner,
                d.collectedOn,
                d.effectiveFrom,
                d.effectiveTo,
                d.expiresOn,
                ids(d.controls),
                ids(d.requirements),
                ids(d.systems));
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    /** Shows a rule the service refused at the field it names, or answers false when it names none of them. */
    boolean showRefusal(DomainRuleException e) {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of(
                "title",
                title,
                "owner",
                owner,
                "collectedOn",
                collectedOn,
                "effectiveTo",
                effectiveTo,
                "expiresOn",
                expiresOn,
                "controlIds",
                controls,
                "requirementIds",
                requirements,
                "systemIds",
                systems);
        var field = fields.get(Objects.requireNonNullElse(e.field(), ""));
        if (field == null) {
            return false;
        }
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
        return true;
    }

    private static Set<Long> ids(Set<Ref> refs) {
        return refs.stream().map(Ref::id).collect(Collectors.toSet());
    }
}
