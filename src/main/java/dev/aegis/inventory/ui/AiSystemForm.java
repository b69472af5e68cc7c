package dev.aegis.inventory.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.Classification.AffectedGroup;
import dev.aegis.inventory.Classification.Autonomy;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.FormFields;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AI system form: a plain component that fires {@link SaveEvent} and {@link CancelEvent} and never calls a
 * service. Required fields and the rules the service enforces show their messages next to the field.
 */
public class AiSystemForm extends VerticalLayout {

    final TextField name = new TextField("Name");
    final TextArea purpose = new TextArea("Purpose");
    final TextArea intendedUse = new TextArea("Intended use");
    final ComboBox<String> businessOwner;
    final ComboBox<String> technicalOwner;
    final ComboBox<LifecycleStage> lifecycleStage = combo("Life-cycle stage", LifecycleStage.class);
    final ComboBox<Deployment> deployment = combo("Deployment", Deployment.class);
    final ComboBox<ModelType> modelType = combo("Model type", ModelType.class);
    final CheckboxGroup<DataCategory> dataCategories = checkboxes("Data categories processed", DataCategory.class);
    final CheckboxGroup<AffectedGroup> peopleAffected = checkboxes("People affected", AffectedGroup.class);
    final ComboBox<Autonomy> autonomy = combo("Autonomy", Autonomy.class);
    final TextArea humanOversight = new TextArea("Human oversight");
    final ComboBox<EuAiActTier> euAiActTier = combo("EU AI Act risk tier", EuAiActTier.class);
    final ComboBox<EuAiActRole> euAiActRole = combo("EU AI Act role", EuAiActRole.class);
    final TextField vendorName = new TextField("Vendor");
    final ComboBox<Status> status = combo("Status", Status.class);
    final DatePicker nextReview = new DatePicker("Next review");
    final TextArea dataProvenance = new TextArea("Data provenance");
    final TextArea consentBasis = new TextArea("Consent / legal basis");
    final TextArea dataMinimisation = new TextArea("Data minimisation");
    final TextArea dependencyScanning = new TextArea("Dependency scanning");
    final TextArea codeReview = new TextArea("Code and notebook review");
    final TextArea privacyPreservingTraining = new TextArea("Privacy-preserving training (e.g. differential privacy)");
    final TextArea trainingAccessLogging = new TextArea("Training access logging");
    final TextArea servingHardening = new TextArea("Serving hardening");
    final TextArea driftMonitoring = new TextArea("Drift monitoring");
    final TextArea adversarialMonitoring = new TextArea("Adversarial monitoring");
    final DatePicker deletionDate = new DatePicker("Deletion date");
    final TextArea deletionMethod = new TextArea("Deletion method (data and model)");
    final TextField deletionSignedOffBy = new TextField("Deletion signed off by");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final Map<String, com.vaadin.flow.component.HasValidation> byField = new LinkedHashMap<>();

    /** The people who may own a system are the active users of {@code people}. */
    public AiSystemForm(UserDirectory people) {
        businessOwner = FormFields.people("Business owner", people);
        technicalOwner = FormFields.people("Technical owner", people);
        setPadding(false);
        configureFields();
        TabSheet tabs = new TabSheet();
        tabs.add(
                "Overview",
                form(name, status, purpose, intendedUse, businessOwner, technicalOwner, vendorName, nextReview));
        tabs.add(
                "Classification",
                form(
                        lifecycleStage,
                        deployment,
                        modelType,
                        autonomy,
                        euAiActTier,
                        euAiActRole,
                        dataCategories,
                        peopleAffected,
                        humanOversight));
        tabs.add(
                "Life cycle",
                form(
                        dataProvenance,
                        consentBasis,
                        dataMinimisation,
                        dependencyScanning,
                        codeReview,
                        privacyPreservingTraining,
                        trainingAccessLogging,
                        servingHardening,
                        driftMonitoring,
                        adversarialMonitoring));
        tabs.add(
                "Retirement",
                new VerticalLayout(
                        new Paragraph("A system is marked retired only with the record of the "
                                + "secure deletion of its data and model."),
                        form(deletionDate, deletionMethod, deletionSignedOffBy)));
        tabs.setWidthFull();
        name.setRequiredIndicatorVisible(true);
        purpose.setRequiredIndicatorVisible(true);
        name.setId("system-name");
        purpose.setId("system-purpose");
        save.setId("system-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter saves from a single-line text field only: in a date picker or a combo box it picks, in a text area it
        // breaks the line (Enter in the date picker once registered a second system by accident)
        FormFields.submitOnEnter(save, name, vendorName, deletionSignedOffBy);
        // disabled on the first click in the browser, the button cannot save twice (KeyboardBrowserTest once registered
        // a system twice with Enter on the focused Save button)
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                if (datesHoldInput()) {
                    fireEvent(new SaveEvent(this, read()));
                }
            } finally {
                save.setEnabled(true);
            }
        });
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        indexFields();
        add(tabs);
    }

    /** Save and Cancel, for the footer of the dialog that holds the form (so they stay in view). */
    public com.vaadin.flow.component.Component[] buttons() {
        return new com.vaadin.flow.component.Component[] {save, cancel};
    }

    private void configureFields() {
        FormFields.limit(name, 200);
        FormFields.limit(vendorName, 200);
        FormFields.limit(deletionSignedOffBy, 100);
        for (TextArea area : new TextArea[] {
            purpose,
            intendedUse,
            humanOversight,
            dataProvenance,
            consentBasis,
            dataMinimisation,
            dependencyScanning,
            codeReview,
            privacyPreservingTraining,
            trainingAccessLogging,
            servingHardening,
            driftMonitoring,
            adversarialMonitoring,
            deletionMethod
        }) {
            FormFields.limit(area, 4000);
        }
        FormFields.sensible(nextReview, "The next review");
        FormFields.sensible(deletionDate, "The deletion date");
        businessOwner.setId("system-business-owner");
        technicalOwner.setId("system-technical-owner");
        nextReview.setId("system-next-review");
        euAiActTier.setId("system-tier");
    }

    /**
     * A date typed that the picker cannot read, or one outside the sensible range, stays marked at its field and stops
     * the save: it is never dropped.
     */
    private boolean datesHoldInput() {
        boolean hold = true;
        for (DatePicker picker : new DatePicker[] {nextReview, deletionDate}) {
            if (!FormFields.holdsInput(picker)) {
                picker.setInvalid(true);
                hold = false;
            }
        }
        return hold;
    }

    /** Fills the form; {@code editable} false shows it read-only. */
    public void show(AiSystemDetails d, boolean editable) {
        show(d, editable, editable);
    }

    /**
     * Fills the form; {@code editable} false shows it read-only; {@code governs} false shows the governance decisions
     * (EU AI Act tier and role, owners, status) read-only, for a system owner editing their own system.
     */
    public void show(AiSystemDetails d, boolean editable, boolean governs) {
        clearErrors();
        name.setValue(orEmpty(d.name()));
        purpose.setValue(orEmpty(d.purpose()));
        intendedUse.setValue(orEmpty(d.intendedUse()));
        FormFields.show(businessOwner, d.businessOwner());
        FormFields.show(technicalOwner, d.technicalOwner());
        lifecycleStage.setValue(d.lifecycleStage());
        deployment.setValue(d.deployment());
        modelType.setValue(d.modelType());
        dataCategories.setValue(d.dataCategories() == null ? EnumSet.noneOf(DataCategory.class) : d.dataCategories());
        peopleAffected.setValue(d.peopleAffected() == null ? EnumSet.noneOf(AffectedGroup.class) : d.peopleAffected());
        autonomy.setValue(d.autonomy());
        humanOversight.setValue(orEmpty(d.humanOversight()));
        euAiActTier.setValue(d.euAiActTier());
        euAiActRole.setValue(d.euAiActRole());
        vendorName.setValue(orEmpty(d.vendorName()));
        status.setValue(d.status());
        nextReview.setValue(d.nextReview());
        dataProvenance.setValue(orEmpty(d.dataProvenance()));
        consentBasis.setValue(orEmpty(d.consentBasis()));
        dataMinimisation.setValue(orEmpty(d.dataMinimisation()));
        dependencyScanning.setValue(orEmpty(d.dependencyScanning()));
        codeReview.setValue(orEmpty(d.codeReview()));
        privacyPreservingTraining.setValue(orEmpty(d.privacyPreservingTraining()));
        trainingAccessLogging.setValue(orEmpty(d.trainingAccessLogging()));
        servingHardening.setValue(orEmpty(d.servingHardening()));
        driftMonitoring.setValue(orEmpty(d.driftMonitoring()));
        adversarialMonitoring.setValue(orEmpty(d.adversarialMonitoring()));
        deletionDate.setValue(d.deletionDate());
        deletionMethod.setValue(orEmpty(d.deletionMethod()));
        deletionSignedOffBy.setValue(orEmpty(d.deletionSignedOffBy()));
        byField.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(!editable));
        for (var decision : governanceDecisions()) {
            decision.setReadOnly(!editable || !governs);
            ((com.vaadin.flow.component.HasHelper) decision)
                    .setHelperText(editable && !governs ? "Set by governance officers and administrators" : null);
        }
        // the EU AI Act tier and role follow the classification questionnaire on the system's page (module euaiact),
        // or an officer's decision recorded there with its reason: never a plain edit here
        for (var decided : List.of(euAiActTier, euAiActRole)) {
            decided.setReadOnly(true);
            decided.setHelperText(
                    "Set by governance officers through the EU AI Act classification on the system's page");
        }
        save.setVisible(editable);
        cancel.setText(editable ? "Cancel" : "Close");
    }

    /** What governance officers and administrators decide about a system, not its owners. */
    List<com.vaadin.flow.component.HasValue<?, ?>> governanceDecisions() {
        return List.of(euAiActTier, euAiActRole, businessOwner, technicalOwner, status);
    }

    /** A blank system with sensible defaults for a new record. */
    public static AiSystemDetails blank() {
        return new AiSystemDetails(
                "",
                "",
                null,
                null,
                null,
                LifecycleStage.DEVELOPMENT,
                Deployment.IN_HOUSE,
                ModelType.OTHER,
                EnumSet.noneOf(DataCategory.class),
                EnumSet.noneOf(AffectedGroup.class),
                Autonomy.HUMAN_IN_THE_LOOP,
                null,
                EuAiActTier.UNASSESSED,
                EuAiActRole.NONE,
                null,
                Status.PLANNED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    AiSystemDetails read() {
        return new AiSystemDetails(
                name.getValue(),
                purpose.getValue(),
                intendedUse.getValue(),
                businessOwner.getValue(),
                technicalOwner.getValue(),
                lifecycleStage.getValue(),
                deployment.getValue(),
                modelType.getValue(),
                dataCategories.getValue(),
                peopleAffected.getValue(),
                autonomy.getValue(),
                humanOversight.getValue(),
                euAiActTier.getValue(),
                euAiActRole.getValue(),
                vendorName.getValue(),
                status.getValue(),
                nextReview.getValue(),
                dataProvenance.getValue(),
                consentBasis.getValue(),
                dataMinimisation.getValue(),
                dependencyScanning.getValue(),
                codeReview.getValue(),
                privacyPreservingTraining.getValue(),
                trainingAccessLogging.getValue(),
                servingHardening.getValue(),
                driftMonitoring.getValue(),
                adversarialMonitoring.getValue(),
                deletionDate.getValue(),
                deletionMethod.getValue(),
                deletionSignedOffBy.getValue());
    }

    /** Shows a message next to the field it is about (field names as in {@link AiSystemDetails}). */
    public boolean showError(String field, String message) {
        var component = byField.get(field);
        if (component == null) {
            return false;
        }
        component.setErrorMessage(message);
        component.setInvalid(true);
        return true;
    }

    public void clearErrors() {
        byField.values().forEach(f -> f.setInvalid(false));
    }

    private void indexFields() {
        for (java.lang.reflect.Field f : AiSystemForm.class.getDeclaredFields()) {
            if (com.vaadin.flow.component.HasValidation.class.isAssignableFrom(f.getType())) {
                try {
                    byField.put(f.getName(), (com.vaadin.flow.component.HasValidation) f.get(this));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }

    private static <E extends Enum<E>> ComboBox<E> combo(String label, Class<E> type) {
        ComboBox<E> box = new ComboBox<>(label, type.getEnumConstants());
        box.setItemLabelGenerator(AiSystemForm::label);
        box.setRequiredIndicatorVisible(true);
        return box;
    }

    private static <E extends Enum<E>> CheckboxGroup<E> checkboxes(String label, Class<E> type) {
        CheckboxGroup<E> group = new CheckboxGroup<>(label, type.getEnumConstants());
        group.setItemLabelGenerator(AiSystemForm::label);
        return group;
    }

    static String label(Enum<?> e) {
        return dev.aegis.inventory.Classification.label(e);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public static class SaveEvent extends ComponentEvent<AiSystemForm> {
        private final AiSystemDetails details;

        SaveEvent(AiSystemForm source, AiSystemDetails details) {
            super(source, false);
            this.details = details;
        }

        public AiSystemDetails details() {
            return details;
        }
    }

    public static class CancelEvent extends ComponentEvent<AiSystemForm> {
        CancelEvent(AiSystemForm source) {
            super(source, false);
        }
    }

    public Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> l) {
        return addListener(SaveEvent.class, l);
    }

    public Registration addCancelListener(com.vaadin.flow.component.ComponentEventListener<CancelEvent> l) {
        return addListener(CancelEvent.class, l);
    }
}
