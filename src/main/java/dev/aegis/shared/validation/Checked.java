package dev.aegis.shared.validation;

import dev.aegis.shared.DomainRuleException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.Locale;

/**
 * Bean Validation inside a service, so a rule holds for every way in (form, API, import): the first broken rule, by
 * field name, is refused as a {@link DomainRuleException} naming its field.
 */
public final class Checked {

    private Checked() {}

    public static <T> T valid(Validator validator, T value) {
        validator.validate(value).stream()
                .min(Comparator.comparing(
                        (ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new DomainRuleException(v.getPropertyPath().toString(), v.getMessage());
                });
        return value;
    }

    /**
     * A text of at most {@code max} characters, refused at its field otherwise, saying how many were entered.
     *
     * @param what the field as a sentence starts with it, e.g. "The root cause"
     */
    public static String limited(String field, String what, String text, int max) {
        if (text != null && text.length() > max) {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            throw new DomainRuleException(
                    field,
                    what + " can be at most " + n.format(max) + " characters. You entered " + n.format(text.length())
                            + ".");
        }
        return text;
    }
}
