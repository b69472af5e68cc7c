package dev.aegis.framework;

import java.util.List;

/**
 * What importing a catalog document would change, shown before it is applied: requirements added, changed (title,
 * text, kind, parent or assessability), withdrawn (gone from the new version) and restored (back after a withdrawal),
 * and the crosswalk edges that touch a changed or withdrawn requirement. {@code infoChanged} says whether anything else
 * changed: the framework's description, the order of its requirements or the links inside it.
 */
public record CatalogDiff(
        String frameworkCode,
        String fromVersion,
        String toVersion,
        boolean newFramework,
        List<String> added,
        List<String> changed,
        List<String> withdrawn,
        List<String> restored,
        int crosswalkEdgesTouched,
        boolean infoChanged) {

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && withdrawn.isEmpty() && restored.isEmpty() && !infoChanged;
    }
}
