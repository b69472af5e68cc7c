package dev.aegis.shared.validation;

import dev.aegis.shared.DomainRuleException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;

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
}
