package dev.aegis.monitor.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.monitor.DeploymentDetails;
import dev.aegis.monitor.Feature;
import dev.aegis.monitor.ReferenceWindow;
import dev.aegis.shared.DomainRuleException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The fields of a deployment. Features are written one per line as {@code name: numeric} or
 * {@code name: categorical}; labels and protected attributes as comma-separated lists.
 */
class DeploymentForm extends FormLayout {

    final TextField name = new TextField("Name");
    final TextField modelVersion = new TextField("Model version");
    final TextField owner = new TextField("Owner");
    final TextArea description = new TextArea("Description");
    final TextArea features = new TextArea("Features (one per line: name: numeric | categorical)");
    final TextField labels = new TextField("Labels (comma-separated)");
    final Checkbox hasScore = new Checkbox("The model also gives a score");
    final TextField protectedAttributes = new TextField("Protected attributes (comma-separated)");
    final NumberField latencyBudget = new NumberField("p95 latency budget (ms)");
    final TextField referenceBatch = new TextField("Reference batch (events sent with ?reference=<batch>)");
    private final Map<String, com.vaadin.flow.component.HasValidation> fields;

    DeploymentForm() {
        name.setHelperText("Lower-case letters, digits, '.', '_', '-'; used in the API's URLs");
        features.setPlaceholder("age: numeric\nregion: categorical");
        add(
                name,
                modelVersion,
                owner,
                latencyBudget,
                features,
                labels,
                protectedAttributes,
                referenceBatch,
                hasScore,
                description);
        setColspan(features, 2);
        setColspan(description, 2);
        fields = Map.of(
                "name",
                name,
                "modelVersion",
                modelVersion,
                "owner",
                owner,
                "description",
                description,
                "features",
                features,
                "labels",
                labels,
                "protectedAttributes",
                protectedAttributes,
                "latencyBudgetMs",
                latencyBudget,
                "reference",
                referenceBatch);
    }

    void show(DeploymentDetails d) {
        name.setValue(d.name());
        name.setReadOnly(true);
        modelVersion.setValue(d.modelVersion());
        owner.setValue(d.owner());
        description.setValue(d.description() == null ? "" : d.description());
        features.setValue(String.join(
                "\n",
                d.features().stream()
                        .map(f -> f.name() + ": " + f.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .toList()));
        labels.setValue(String.join(", ", d.labels()));
        hasScore.setValue(d.hasScore());
        protectedAttributes.setValue(String.join(", ", d.protectedAttributes()));
        latencyBudget.setValue(d.latencyBudgetMs());
        referenceBatch.setValue(
                d.reference().kind() == ReferenceWindow.Kind.BATCH
                        ? d.reference().batch()
                        : "");
    }

    /** The details as entered; a line that is no feature is refused with the field marked. */
    DeploymentDetails details() {
        List<Feature> list = new ArrayList<>();
        for (String line : features.getValue().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            String kind = parts.length == 2 ? parts[1].trim().toUpperCase(java.util.Locale.ROOT) : "";
            if (!kind.equals("NUMERIC") && !kind.equals("CATEGORICAL")) {
                throw new DomainRuleException(
                        "features", "Write each feature as 'name: numeric' or 'name: categorical'.");
            }
            list.add(new Feature(parts[0].trim(), Feature.Kind.valueOf(kind)));
        }
        ReferenceWindow reference = referenceBatch.getValue().isBlank()
                ? ReferenceWindow.none()
                : ReferenceWindow.batch(referenceBatch.getValue().trim());
        return new DeploymentDetails(
                name.getValue(),
                modelVersion.getValue(),
                owner.getValue(),
                description.getValue(),
                list,
                split(labels.getValue()),
                hasScore.getValue(),
                split(protectedAttributes.getValue()),
                latencyBudget.getValue(),
                reference);
    }

    /** Marks the field a refusal names; returns false when the form has no such field. */
    boolean mark(DomainRuleException e) {
        fields.values().forEach(f -> f.setInvalid(false));
        var field = fields.get(e.field());
        if (field == null) {
            return false;
        }
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
        return true;
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
