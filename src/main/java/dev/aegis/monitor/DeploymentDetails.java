package dev.aegis.monitor;

import java.util.List;

/** What describes a deployment, as a form or an API client gives it; checked by {@link DeploymentService}. */
public record DeploymentDetails(
        String name,
        String modelVersion,
        String owner,
        String description,
        List<Feature> features,
        List<String> labels,
        boolean hasScore,
        List<String> protectedAttributes,
        Double latencyBudgetMs,
        ReferenceWindow reference) {

    public DeploymentDetails {
        features = features == null ? List.of() : List.copyOf(features);
        labels = labels == null ? List.of() : List.copyOf(labels);
        protectedAttributes = protectedAttributes == null ? List.of() : List.copyOf(protectedAttributes);
        reference = reference == null || reference.kind() == null ? ReferenceWindow.none() : reference;
    }
}
