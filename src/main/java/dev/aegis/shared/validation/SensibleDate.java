package dev.aegis.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date a governance record can sensibly hold: from 1 January {@value #FIRST_YEAR} to 31 December {@value #LAST_YEAR}.
 * A mistyped year (1900, 20250) is refused at its field instead of being stored or silently dropped. Empty passes.
 */
@Documented
@Constraint(validatedBy = SensibleDate.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SensibleDate {

    int FIRST_YEAR = 2000;
    int LAST_YEAR = 2099;
    LocalDate EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1);
    LocalDate LATEST = LocalDate.of(LAST_YEAR, 12, 31);

    /** Which date, as it appears in a sentence, e.g. "The next review". */
    String value() default "The date";

    String message() default "{dev.aegis.validation.SensibleDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SensibleDate, LocalDate> {

        /** The check, shared with forms that test a date before sending it. */
        public static boolean sensible(LocalDate date) {
            return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return sensible(value);
        }
    }
}
