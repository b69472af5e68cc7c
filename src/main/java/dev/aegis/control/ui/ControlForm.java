package dev.aegis.control.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import com.vaadin.flow.shared.Registration;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlVocabulary;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ControlVocabulary.TestResult;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.FormFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A control's details with a mapping editor (requirements of any framework, each fully or partly met) and the risks it
 * mitigates. Fires {@link SaveEvent}; never calls a service itself, the pickers are given their lazy lookups.
 */
class ControlForm extends VerticalLayout {

    /** A risk as the picker shows it. */
    record RiskRef(long id, String title) {}

    /** One row of the mapping editor. */
    static final class Row {
        final RequirementSummary requirement;
        MappingStrength strength;

        Row(RequirementSummary requirement, MappingStrength strength) {
            this.requirement = requirement;
            this.strength = strength;
        }
    }

    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final Select<ControlType> type = new Select<>();
    final ComboBox<String> owner;
    final Select<ImplementationStatus> status = new Select<>();
    final TextArea notApplicableReason = new TextArea("Why it does not apply");
    final Select<TestFrequency> testFrequency = new Select<>();
    final DatePicker lastTestedOn = new DatePicker("Last tested on");
    final Select<TestResult> lastTestResult = new Select<>();
    final Grid<Row> mappings = new Grid<>();
    final ComboBox<RequirementSummary> requirementPicker = new ComboBox<>("Map to requirement");
    final Select<MappingStrength> strength = new Select<>();
    final Button addMapping = new Button("Add mapping", VaadinIcon.PLUS.create());
    final MultiSelectComboBox<RiskRef> risks = new MultiSelectComboBox<>("Risks it mitigates");
    private final List<Row> rows = new ArrayList<>();

    /** The name people know a framework by ("ISO/IEC 42001:2023"), by its code. */
    private final java.util.function.UnaryOperator<String> frameworkName;

    /**
     * The owner is chosen from {@code people}, the active users; requirements are shown with their framework's name
     * ({@code frameworkName}, by code), never its code.
     */
    ControlForm(
            FetchCallback<RequirementSummary, String> requirementSearch,
            FetchCallback<RiskRef, String> riskSearch,
            UserDirectory people,
            java.util.function.UnaryOperator<String> frameworkName) {
        setPadding(false);
        this.frameworkName = frameworkName;
        owner = FormFields.people("Owner", people);
        owner.setId("control-owner");
        FormFields.limit(title, 300);
        FormFields.limit(description, 8000);
        FormFields.limit(notApplicableReason, 4000);
        FormFields.sensible(lastTestedOn, "The date it was last tested");
        type.setLabel("Type");
        type.setItems(ControlType.values());
        type.setItemLabelGenerator(ControlVocabulary::label);
        status.setLabel("Implementation status");
        status.setItems(ImplementationStatus.values());
        status.setItemLabelGenerator(ControlVocabulary::label);
        status.addValueChangeListener(
                e -> notApplicableReason.setVisible(e.getValue() == ImplementationStatus.NOT_APPLICABLE));
        notApplicableReason.setVisible(false);
        testFrequency.setLabel("Test frequency");
        testFrequency.setItems(TestFrequency.values());
        testFrequency.setItemLabelGenerator(ControlVocabulary::label);
        lastTestResult.setLabel("Last test result");
        lastTestResult.setItems(TestResult.values());
        lastTestResult.setEmptySelectionAllowed(true);
        lastTestResult.setItemLabelGenerator(r -> r == null ? "Not tested" : ControlVocabulary.label(r));
        title.setId("control-title");
        title.setRequiredIndicatorVisible(true);
        FormLayout form = new FormLayout(
                title,
                type,
                description,
                owner,
                status,
                notApplicableReason,
                testFrequency,
                lastTestedOn,
                lastTestResult,
                risks);
        form.setColspan(description, 2);
        form.setColspan(notApplicableReason, 2);
        form.setColspan(risks, 2);
        risks.setItemLabelGenerator(RiskRef::title);
        risks.setItems(riskSearch);
        requirementPicker.setItems(requirementSearch);
        add(form, new H4("Mapped requirements"), mappingEditor());
    }

    private Component mappingEditor() {
        mappings.setId("control-mappings");
        mappings.addColumn(r -> frameworkName.apply(r.requirement.frameworkCode()))
                .setHeader("Framework")
                .setAutoWidth(true);
        mappings.addColumn(r -> r.requirement.label()).setHeader("Requirement").setFlexGrow(3);
        mappings.addComponentColumn(r -> {
                    Select<MappingStrength> s = new Select<>();
                    s.setItems(MappingStrength.values());
                    s.setItemLabelGenerator(ControlVocabulary::label);
                    s.setValue(r.strength);
                    s.addValueChangeListener(e -> r.strength = e.getValue());
                    return s;
                })
                .setHeader("Meets it")
                .setAutoWidth(true);
        mappings.addComponentColumn(r -> {
                    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                        rows.remove(r);
                        mappings.setItems(rows);
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    remove.setAriaLabel("Remove mapping");
                    return remove;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        mappings.setEmptyStateText("No requirement mapped yet: pick one below to say what this control meets.");
        mappings.setAllRowsVisible(true);
        requirementPicker.setId("requirement-picker");
        requirementPicker.setItemLabelGenerator(r -> frameworkName.apply(r.frameworkCode()) + " · " + r.label());
        requirementPicker.setWidth("32rem");
        strength.setLabel("Meets it");
        strength.setItems(MappingStrength.values());
        strength.setItemLabelGenerator(ControlVocabulary::label);
        strength.setValue(MappingStrength.FULL);
        addMapping.setId("add-mapping");
        addMapping.addClickListener(e -> {
            if (requirementPicker.getValue() != null) {
                addRequirement(requirementPicker.getValue(), strength.getValue());
                requirementPicker.clear();
            }
        });
        HorizontalLayout picker = new HorizontalLayout(requirementPicker, strength, addMapping);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        picker.setWrap(true);
        VerticalLayout editor = new VerticalLayout(mappings, picker);
        editor.setPadding(false);
        return editor;
    }

    void addRequirement(RequirementSummary requirement, MappingStrength s) {
        rows.removeIf(r -> r.requirement.id() == requirement.id());
        rows.add(new Row(requirement, s == null ? MappingStrength.FULL : s));
        mappings.setItems(rows);
    }

    /** Shows a control (or a new one, when {@code details} is null). */
    void show(ControlDetails details, List<RequirementSummary> requirements, Set<RiskRef> mitigated) {
        fields().values().forEach(f -> f.setInvalid(false));
        rows.clear();
        if (details == null) {
            title.clear();
            description.clear();
            type.setValue(ControlType.PREVENTIVE);
            owner.clear();
            status.setValue(ImplementationStatus.PLANNED);
            notApplicableReason.clear();
            testFrequency.setValue(TestFrequency.QUARTERLY);
            lastTestedOn.clear();
            lastTestResult.clear();
            risks.clear();
        } else {
            title.setValue(details.title());
            description.setValue(details.description() == null ? "" : details.description());
            type.setValue(details.type());
            FormFields.show(owner, details.owner());
            status.setValue(details.status());
            notApplicableReason.setValue(details.notApplicableReason() == null ? "" : details.notApplicableReason());
            testFrequency.setValue(details.testFrequency());
            lastTestedOn.setValue(details.lastTestedOn());
            lastTestResult.setValue(details.lastTestResult());
            risks.setValue(mitigated);
            Map<Long, RequirementSummary> byId =
                    requirements.stream().collect(Collectors.toMap(RequirementSummary::id, r -> r));
            details.requirements().forEach((id, s) -> {
                if (byId.containsKey(id)) {
                    rows.add(new Row(byId.get(id), s));
                }
            });
            rows.sort((a, b) -> a.requirement.frameworkCode().equals(b.requirement.frameworkCode())
                    ? a.requirement.refId().compareTo(b.requirement.refId())
                    : a.requirement.frameworkCode().compareTo(b.requirement.frameworkCode()));
        }
        mappings.setItems(rows);
    }

    ControlDetails read() {
        Map<Long, MappingStrength> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.requirement.id(), r.strength));
        return new ControlDetails(
                title.getValue(),
                description.getValue(),
                type.getValue(),
                owner.getValue(),
                status.getValue(),
                notApplicableReason.getValue(),
                testFrequency.getValue(),
                lastTestedOn.getValue(),
                lastTestResult.getValue(),
                m,
                risks.getValue().stream().map(RiskRef::id).collect(Collectors.toSet()));
    }

    /** The fields by the property names that validation and domain rules use. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> f = new HashMap<>();
        f.put("title", title);
        f.put("description", description);
        f.put("type", type);
        f.put("owner", owner);
        f.put("status", status);
        f.put("notApplicableReason", notApplicableReason);
        f.put("testFrequency", testFrequency);
        f.put("lastTestedOn", lastTestedOn);
        f.put("lastTestResult", lastTestResult);
        f.put("requirements", requirementPicker);
        f.put("risks", risks);
        return f;
    }

    /** Marks a field invalid with the message; false when no field has that name. */
    boolean showError(String field, String message) {
        HasValidation f = field == null ? null : fields().get(field);
        if (f == null) {
            return false;
        }
        f.setErrorMessage(message);
        f.setInvalid(true);
        return true;
    }

    /** The person asked to save the form. */
    static class SaveEvent extends ComponentEvent<ControlForm> {
        final ControlDetails details;

        SaveEvent(ControlForm source, ControlDetails details) {
            super(source, false);
            this.details = details;
        }
    }

    Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    void fireSave() {
        fireEvent(new SaveEvent(this, read()));
    }
}
