package dev.aegis.shared;

import java.util.Map;

/**
 * A past-tense domain or security event that belongs in the audit log. Modules publish these through Spring's
 * event publisher inside their transaction; the audit module records them in the same transaction.
 */
public interface AuditableEvent {

    /** The kind of object the event is about, e.g. {@code User} or {@code ApiToken}. */
    String objectType();

    /** The id of that object, or {@code null} when there is none (e.g. a failed sign-in for an unknown name). */
    String objectId();

    /** What happened, e.g. {@code SIGN_IN_FAILED}. */
    String action();

    /** Fields worth keeping with the entry; values are rendered with {@code String.valueOf}. */
    default Map<String, Object> details() {
        return Map.of();
    }

    /**
     * How people name the object, kept with the entry so the log reads "Evidence E-7 · DPIA 2026" rather than an id.
     * By default the event's {@code title} or {@code name} detail; when neither, the module's
     * {@link AuditObjectLabels} is asked at record time.
     */
    default String objectLabel() {
        Object named = details().get("title");
        if (named == null) {
            named = details().get("name");
        }
        return named == null ? null : String.valueOf(named);
    }

    /** Who did it, when the event knows better than the security context (e.g. a failed sign-in). */
    default String actor() {
        return null;
    }
}
