package dev.aegis.framework;

import dev.aegis.shared.AuditableEvent;
import java.util.Map;

/** A catalog (bundled or custom) was imported or upgraded. */
public record CatalogImported(
        String frameworkCode,
        String fromVersion,
        String toVersion,
        int added,
        int changed,
        int withdrawn,
        int restored,
        int crosswalkEdgesFlagged)
        implements AuditableEvent {

    public String objectType() {
        return "Framework";
    }

    public String objectId() {
        return frameworkCode;
    }

    public String action() {
        return fromVersion == null ? "IMPORT" : "UPGRADE";
    }

    public Map<String, Object> details() {
        return Map.of(
                "fromVersion",
                String.valueOf(fromVersion),
                "toVersion",
                toVersion,
                "added",
                added,
                "changed",
                changed,
                "withdrawn",
                withdrawn,
                "restored",
                restored,
                "crosswalkEdgesFlagged",
                crosswalkEdgesFlagged);
    }
}
