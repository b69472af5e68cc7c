package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsContent.Exclusion;
import dev.aegis.aims.AimsContent.Party;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.shared.ui.FormFields;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The context and scope (4.1–4.3) as a form: the statement, the AI systems chosen from the inventory, and lists typed
 * one item a line — "party: what they require" and "what is excluded: why" split at the first colon.
 */
final class ScopeFields {

    final TextArea statement = FormFields.limit(new TextArea("Scope statement"), 10_000);
    final MultiSelectComboBox<SystemRef> systems = new MultiSelectComboBox<>("AI systems in scope");
    final TextArea units = lines("Organisational units in scope", "One unit a line");
    final TextArea locations = lines("Locations in scope", "One location a line");
    final TextArea exclusions =
            lines("Exclusions", "One a line: what is excluded: why, e.g. \"Research lab: own ethics board\"");
    final TextArea internal = lines("Internal issues (4.1)", "One issue a line");
    final TextArea external = lines("External issues (4.1)", "One issue a line");
    final TextArea parties = lines(
            "Interested parties (4.2)", "One a line: party: what they require, e.g. \"Patients: explained diagnoses\"");

    ScopeFields(AimsDocumentService aims) {
        statement.setRequiredIndicatorVisible(true);
        statement.setHelperText("What the AI management system covers, in a few sentences");
        systems.setItems(aims.aiSystemChoices());
        systems.setItemLabelGenerator(s -> s.name() == null ? "A removed AI system" : s.name());
        systems.setWidthFull();
        systems.setHelperText("From the AI system inventory");
    }

    private static TextArea lines(String label, String helper) {
        TextArea area = new TextArea(label);
        area.setHelperText(helper);
        area.setWidthFull();
        area.setMaxHeight(FormFields.TEXT_AREA_MAX_HEIGHT);
        area.setMaxLength(5000);
        return area;
    }

    void fill(ContextAndScope scope, List<SystemRef> named) {
        statement.setValue(scope.statement() == null ? "" : scope.statement());
        var byId = systems.getListDataView().getItems().collect(Collectors.toMap(SystemRef::id, s -> s));
        systems.setValue(named.stream()
                .map(s -> byId.getOrDefault(s.id(), s))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        units.setValue(String.join("\n", scope.units()));
        locations.setValue(String.join("\n", scope.locations()));
        exclusions.setValue(
                scope.exclusions().stream().map(e -> e.what() + ": " + e.why()).collect(Collectors.joining("\n")));
        internal.setValue(String.join("\n", scope.internalIssues()));
        external.setValue(String.join("\n", scope.externalIssues()));
        parties.setValue(scope.interestedParties().stream()
                .map(p -> p.name() + ": " + p.requirements())
                .collect(Collectors.joining("\n")));
    }

    ContextAndScope read() {
        return new ContextAndScope(
                split(internal),
                split(external),
                split(parties).stream()
                        .map(l -> {
                            String[] two = pair(l);
                            return new Party(two[0], two[1]);
                        })
                        .toList(),
                statement.getValue(),
                systems.getValue().stream().map(SystemRef::id).toList(),
                split(units),
                split(locations),
                split(exclusions).stream()
                        .map(l -> {
                            String[] two = pair(l);
                            return new Exclusion(two[0], two[1]);
                        })
                        .toList());
    }

    private static List<String> split(TextArea area) {
        return Arrays.stream(area.getValue().split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String[] pair(String line) {
        int colon = line.indexOf(':');
        return colon < 0
                ? new String[] {line, ""}
                : new String[] {
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip()
                };
    }

    Component[] components() {
        return new Component[] {statement, systems, units, locations, exclusions, internal, external, parties};
    }

    Map<String, Component> byField() {
        return Map.of(
                "statement", statement, "aiSystems", systems, "exclusions", exclusions, "interestedParties", parties);
    }
}
