package dev.aegis.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.validation.SensibleDate;
import jakarta.validation.ConstraintViolation;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every form of the registers does the same way, so nothing people enter is lost or mangled: text inputs show
 * their limit as people type, text areas scroll instead of growing past the dialog, dates outside a sensible range are
 * refused at the field, people are chosen from the user directory, and Enter submits only from a single-line text
 * field (never from a date picker, a combo box or a text area, where it picks or breaks a line).
 */
public final class FormFields {

    /** How tall a text area grows before it scrolls, so the dialog's buttons stay in view. */
    public static final String TEXT_AREA_MAX_HEIGHT = "14em";

    private FormFields() {}

    /** Limits a text field to {@code max} characters and shows "12 / 200" under it as people type. */
    public static TextField limit(TextField field, int max) {
        field.setMaxLength(max);
        String base = field.getHelperText();
        count(base, max, field::setHelperText, field::getValue);
        // eager, not lazy: a lazy value still waiting for its timeout is lost when the field is hidden first (a tab of
        // the form switched right after typing: RiskRegisterBrowserTest saved a system without its purpose)
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.addValueChangeListener(e -> {
            count(base, max, field::setHelperText, field::getValue);
            if (tooLong(e.getValue(), max)) {
                field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(tooLong(max, e.getValue())));
            }
        });
        return field;
    }

    /** Limits a text area to {@code max} characters, counts them as people type, and scrolls past a few lines. */
    public static TextArea limit(TextArea area, int max) {
        area.setMaxLength(max);
        area.setMaxHeight(TEXT_AREA_MAX_HEIGHT);
        area.setWidthFull();
        String base = area.getHelperText();
        count(base, max, area::setHelperText, area::getValue);
        area.setValueChangeMode(ValueChangeMode.EAGER);
        area.addValueChangeListener(e -> {
            count(base, max, area::setHelperText, area::getValue);
            if (tooLong(e.getValue(), max)) {
                area.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(tooLong(max, e.getValue())));
            }
        });
        return area;
    }

    /**
     * Dates from 2000 to 2099 ({@link SensibleDate}); one outside is marked at the picker with a message (and refused by
     * the server's validation as well), never dropped.
     */
    public static DatePicker sensible(DatePicker picker, String what) {
        picker.setMin(SensibleDate.EARLIEST);
        picker.setMax(SensibleDate.LATEST);
        String range = what + " must lie between 1 January 2000 and 31 December 2099.";
        DatePicker.DatePickerI18n i18n = picker.getI18n() == null ? new DatePicker.DatePickerI18n() : picker.getI18n();
        i18n.setMinErrorMessage(range);
        i18n.setMaxErrorMessage(range);
        i18n.setBadInputErrorMessage(what + " is not a date Aegis can read: pick it from the calendar or type it as "
                + "shown, e.g. 31/12/2026.");
        picker.setI18n(i18n);
        return picker;
    }

    /**
     * Whether the picker holds what people typed: false when they typed something that is not a date or lies outside
     * its range, which the picker shows at the field. A form checks this before saving, so a date is never dropped.
     */
    public static boolean holdsInput(DatePicker picker) {
        return !picker.isInvalid() && SensibleDate.Check.sensible(picker.getValue());
    }

    /** A picker of people from the user directory, showing display names and keeping user names. */
    public static ComboBox<String> people(String label, UserDirectory directory) {
        return people(label, directory.people());
    }

    /** A picker of these people, showing display names and keeping user names. */
    public static ComboBox<String> people(String label, List<Person> people) {
        ComboBox<String> box = new ComboBox<>(label);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Person p : people) {
            labels.put(p.username(), p.label());
        }
        box.setItems(new ArrayList<>(labels.keySet()));
        box.setItemLabelGenerator(name -> labels.getOrDefault(name, name + " (not an active user)"));
        box.setClearButtonVisible(true);
        box.setAllowCustomValue(false);
        return box;
    }

    /** Shows a value the list does not hold (a former user still named on a record) instead of blanking it. */
    public static void show(ComboBox<String> people, String username) {
        if (username != null && !username.isBlank()) {
            List<String> items =
                    new ArrayList<>(people.getListDataView().getItems().toList());
            if (!items.contains(username)) {
                items.add(username);
                people.setItems(items);
            }
        }
        people.setValue(username == null || username.isBlank() ? null : username);
    }

    /** Enter clicks {@code save} only while focus is in one of these single-line text fields. */
    public static void submitOnEnter(Button save, Component... singleLineFields) {
        if (singleLineFields.length > 0) {
            save.addClickShortcut(Key.ENTER).listenOn(singleLineFields);
        }
    }

    /**
     * A violation's message for the form, adding how many characters were entered when a text was too long (the
     * records' messages name the field and the limit).
     */
    public static String message(ConstraintViolation<?> violation) {
        String message = violation.getMessage();
        Object value = violation.getInvalidValue();
        if (value instanceof CharSequence text
                && violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Size) {
            message = message + " You entered "
                    + NumberFormat.getIntegerInstance(Locale.UK).format(text.length()) + ".";
        }
        return message;
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    /**
     * The field's own message when more than fits arrived (pasted past the browser's limit, or sent by a script): the
     * component refuses it before any form rule runs, so it must say why itself.
     */
    private static String tooLong(int max, String value) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        return "At most " + n.format(max) + " characters fit here. You entered " + n.format(value.length())
                + ": shorten it.";
    }

    private static void count(
            String base,
            int max,
            java.util.function.Consumer<String> setter,
            java.util.function.Supplier<String> value) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        String v = value.get();
        String counter = n.format(v == null ? 0 : v.length()) + " / " + n.format(max) + " characters";
        setter.accept(base == null || base.isBlank() ? counter : base + " · " + counter);
    }
}
