package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.vendor.Certification;
import dev.aegis.vendor.Contact;
import dev.aegis.vendor.VendorDetails;
import dev.aegis.vendor.VendorVocabulary;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The vendor form: a plain component that fires {@link SaveEvent} and {@link CancelEvent} and never calls a service.
 * Messages of Bean Validation and of the service's rules show next to the field they are about.
 */
public class VendorForm extends VerticalLayout {

    final TextField name = new TextField("Name");
    final TextArea services = new TextArea("Services supplied");
    final TextField aiProducts = new TextField("AI products (comma-separated)");
    final TextArea contacts = new TextArea("Contacts, one a line: name; e-mail; phone; role");
    final ComboBox<Level> criticality = new ComboBox<>("Criticality", Level.values());
    final MultiSelectComboBox<String> processingCountries = countries("Prompts and responses processed in");
    final MultiSelectComboBox<String> storageCountries = countries("Prompts and responses stored in");
    final TextField subProcessors = new TextField("Sub-processors (comma-separated)");
    final ComboBox<DpaStatus> dpaStatus = new ComboBox<>("Data processing agreement", DpaStatus.values());
    final DatePicker dpaSignedOn = new DatePicker("Agreement signed on");
    final Checkbox meetsGdpr = new Checkbox("Meets the GDPR");
    final Checkbox meetsCcpa = new Checkbox("Meets the CCPA");
    final Map<CertificationType, DatePicker> certifications = new EnumMap<>(CertificationType.class);
    final MultiSelectComboBox<Long> systems = new MultiSelectComboBox<>("AI systems that depend on the vendor");
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();

    public VendorForm() {
        setPadding(false);
        for (CertificationType type : CertificationType.values()) {
            DatePicker expiry = new DatePicker(type.label() + " expires on");
            expiry.setHelperText("Empty when the vendor does not hold it");
            FormFields.sensible(expiry, "The expiry date");
            certifications.put(type, expiry);
        }
        criticality.setItemLabelGenerator(VendorVocabulary::label);
        dpaStatus.setItemLabelGenerator(VendorVocabulary::label);
        criticality.setRequiredIndicatorVisible(true);
        dpaStatus.setRequiredIndicatorVisible(true);
        name.setRequiredIndicatorVisible(true);
        name.setId("vendor-name");
        dpaStatus.addValueChangeListener(e -> dpaSignedOn.setEnabled(e.getValue() != DpaStatus.NONE));
        // one scrolling form rather than tabs: a field message is never hidden on a tab the user is not looking at
        VerticalLayout sections = new VerticalLayout(
                form(name, criticality, services, aiProducts, contacts, systems, notes),
                new H4("Data and agreements"),
                form(
                        processingCountries,
                        storageCountries,
                        subProcessors,
                        dpaStatus,
                        dpaSignedOn,
                        meetsGdpr,
                        meetsCcpa),
                new H4("Certifications"),
                form(certifications.values().toArray(Component[]::new)));
        sections.setPadding(false);
        save.setId("vendor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        configureLimits();
        // Enter saves from a single-line text field only, never from a date picker or a combo box where it picks
        FormFields.submitOnEnter(save, name, aiProducts, subProcessors);
        save.addClickListener(e -> {
            if (datesHoldInput()) {
                fireEvent(new SaveEvent(this, read()));
            }
        });
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        byField.putAll(Map.of(
                "name",
                name,
                "services",
                services,
                "aiProducts",
                aiProducts,
                "contacts",
                contacts,
                "criticality",
                criticality,
                "processingCountries",
                processingCountries,
                "storageCountries",
                storageCountries,
                "subProcessors",
                subProcessors,
                "dpaStatus",
                dpaStatus,
                "dpaSignedOn",
                dpaSignedOn));
        byField.put("systems", systems);
        byField.put("notes", notes);
        byField.put("certifications", certifications.get(CertificationType.ISO_27001));
        add(sections);
    }

    /** Save and Cancel, for the footer of the dialog that holds the form (so they stay in view). */
    public Component[] buttons() {
        return new Component[] {save, cancel};
    }

    private void configureLimits() {
        FormFields.limit(name, 200);
        FormFields.limit(services, 4000);
        FormFields.limit(aiProducts, 2000);
        FormFields.limit(contacts, 4000);
        FormFields.limit(subProcessors, 2000);
        FormFields.limit(notes, 4000);
        FormFields.sensible(dpaSignedOn, "The date the agreement was signed");
        dpaSignedOn.setId("vendor-dpa-signed-on");
    }

    /** A date the picker could not read or outside the sensible range stays marked and stops the save. */
    private boolean datesHoldInput() {
        boolean hold = true;
        List<DatePicker> pickers = new ArrayList<>(certifications.values());
        pickers.add(dpaSignedOn);
        for (DatePicker picker : pickers) {
            if (!FormFields.holdsInput(picker)) {
                picker.setInvalid(true);
                hold = false;
            }
        }
        return hold;
    }

    /** The AI systems to choose from, by id with their names. */
    public void setSystemChoices(Map<Long, String> names) {
        systems.setItems(names.keySet());
        systems.setItemLabelGenerator(id -> names.getOrDefault(id, "AI system " + id));
    }

    /** Fills the form; {@code editable} false shows it read-only. */
    public void show(VendorDetails d, boolean editable) {
        clearErrors();
        name.setValue(orEmpty(d.name()));
        services.setValue(orEmpty(d.services()));
        aiProducts.setValue(joined(d.aiProducts()));
        contacts.setValue(
                d.contacts() == null
                        ? ""
                        : d.contacts().stream().map(VendorForm::line).collect(Collectors.joining("\n")));
        criticality.setValue(d.criticality());
        processingCountries.setValue(orEmpty(d.processingCountries()));
        storageCountries.setValue(orEmpty(d.storageCountries()));
        subProcessors.setValue(joined(d.subProcessors()));
        dpaStatus.setValue(d.dpaStatus());
        dpaSignedOn.setValue(d.dpaSignedOn());
        meetsGdpr.setValue(d.meetsGdpr());
        meetsCcpa.setValue(d.meetsCcpa());
        certifications.values().forEach(p -> p.setValue(null));
        if (d.certifications() != null) {
            d.certifications().forEach(c -> certifications.get(c.kind()).setValue(c.expiresOn()));
        }
        systems.setValue(orEmpty(d.systems()));
        notes.setValue(orEmpty(d.notes()));
        List<HasValue<?, ?>> all = new ArrayList<>(List.<HasValue<?, ?>>of(
                name,
                services,
                aiProducts,
                contacts,
                criticality,
                processingCountries,
                storageCountries,
                subProcessors,
                dpaStatus,
                dpaSignedOn,
                meetsGdpr,
                meetsCcpa,
                systems,
                notes));
        all.addAll(certifications.values());
        all.forEach(f -> f.setReadOnly(!editable));
        save.setVisible(editable);
        cancel.setText(editable ? "Cancel" : "Close");
    }

    /** A new vendor: medium criticality, no agreement yet. */
    public static VendorDetails blank() {
        return new VendorDetails(
                "",
                null,
                Set.of(),
                List.of(),
                Level.MEDIUM,
                Set.of(),
                Set.of(),
                Set.of(),
                DpaStatus.NONE,
                null,
                false,
                false,
                List.of(),
                Set.of(),
                null);
    }

    VendorDetails read() {
        List<Certification> held = new ArrayList<>();
        certifications.forEach((type, picker) -> {
            if (picker.getValue() != null) {
                held.add(new Certification(type, picker.getValue()));
            }
        });
        return new VendorDetails(
                name.getValue(),
                services.getValue(),
                split(aiProducts.getValue()),
                contactsOf(contacts.getValue()),
                criticality.getValue(),
                processingCountries.getValue(),
                storageCountries.getValue(),
                split(subProcessors.getValue()),
                dpaStatus.getValue(),
                dpaSignedOn.getValue(),
                meetsGdpr.getValue(),
                meetsCcpa.getValue(),
                held,
                systems.getValue(),
                notes.getValue());
    }

    /**
     * Shows a message next to the field it is about; {@code field} is a property path of {@link VendorDetails}
     * ("contacts[1].email" lands on the contacts).
     */
    public boolean showError(String field, String message) {
        String root = field.split("[\\[.<]")[0];
        HasValidation component = byField.get(root);
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

    static List<Contact> contactsOf(String text) {
        List<Contact> result = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = Arrays.copyOf(line.split(";", -1), 4);
            result.add(new Contact(part(parts[0]), part(parts[1]), part(parts[2]), part(parts[3])));
        }
        return result;
    }

    private static String line(Contact c) {
        return String.join("; ", orEmpty(c.name()), orEmpty(c.email()), orEmpty(c.phone()), orEmpty(c.role()))
                .replaceAll("(; )+$", "");
    }

    private static String part(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Set<String> split(String text) {
        Set<String> result = new LinkedHashSet<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                result.add(s.trim());
            }
        }
        return result;
    }

    private static String joined(Set<String> values) {
        return values == null ? "" : values.stream().sorted().collect(Collectors.joining(", "));
    }

    private static MultiSelectComboBox<String> countries(String label) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
        box.setItems(Locale.getISOCountries());
        box.setItemLabelGenerator(code -> code + " · " + Locale.of("", code).getDisplayCountry(Locale.ENGLISH));
        return box;
    }

    private static FormLayout form(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> Set<T> orEmpty(Set<T> s) {
        return s == null ? Set.of() : s;
    }

    public static class SaveEvent extends ComponentEvent<VendorForm> {
        private final VendorDetails details;

        SaveEvent(VendorForm source, VendorDetails details) {
            super(source, false);
            this.details = details;
        }

        public VendorDetails details() {
            return details;
        }
    }

    public static class CancelEvent extends ComponentEvent<VendorForm> {
        CancelEvent(VendorForm source) {
            super(source, false);
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> l) {
        return addListener(SaveEvent.class, l);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> l) {
        return addListener(CancelEvent.class, l);
    }
}
