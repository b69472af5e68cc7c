package dev.aegis.shared;

/**
 * A request broke a rule of the domain (an out-of-order step, a weak password, a duplicate name). The message is
 * written for the user and shown to them as it is; the API answers 422 with it as the problem detail.
 */
public class DomainRuleException extends RuntimeException {
    private final String field;

    public DomainRuleException(String message) {
        this(null, message);
    }

    public DomainRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the rule is about, if any. */
    public String field() {
        return field;
    }
}
