package dev.aegis.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity whose every insert, update and delete goes into the audit log with the changed fields (before
 * and after), in the same transaction. Entities whose changes are told by domain events instead (users, tokens) do
 * not carry it, so nothing is logged twice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** Fields whose values never go into the log (only that they changed), e.g. secrets or licensed text. */
    String[] masked() default {};

    /**
     * Bookkeeping fields (e.g. when a rule was last evaluated): not a change anyone made, so an update that touches
     * only these writes no audit entry, and they are left out of the entries of other updates.
     */
    String[] bookkeeping() default {};
}
