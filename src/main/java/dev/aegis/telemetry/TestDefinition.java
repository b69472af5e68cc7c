package dev.aegis.telemetry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a telemetry test checks. {@code metric} is a monitor metric name ({@link Metrics#NAMES}); {@code subject} a
 * feature or group, blank for every subject (the worst one decides); {@code window} 5m, 1h or 1d; {@code query} the
 * PromQL to run when the linked source is a Prometheus server ({@code $window} stands for the window, e.g. 5m).
 */
public record TestDefinition(
        @NotBlank(message = "Choose the metric.") String metric,

        @Size(max = 200, message = "At most 200 characters.")
        String subject,

        @NotNull(message = "Choose how the figure must compare with the threshold.")
        Comparison comparison,

        double threshold,

        @NotBlank(message = "Choose the window.") @Pattern(regexp = "5m|1h|1d", message = "The window is 5m, 1h or 1d.")
        String window,

        @Min(value = 0, message = "The minimum sample size cannot be negative.")
        long minSampleSize,

        @Size(max = 2000, message = "At most 2000 characters.")
        String query) {}
