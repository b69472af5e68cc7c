package dev.aegis.telemetry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A telemetry source as an administrator gives it. {@code token} is only read: blank when changing a source keeps the
 * token it has.
 */
public record SourceDetails(
        @NotBlank(message = "Name the source.") @Size(max = 100, message = "At most 100 characters.")
        String name,

        @NotNull(message = "Choose the kind of source.") TelemetrySource.Kind kind,

        @NotBlank(message = "Give the source's base URL.")
        @Size(max = 500, message = "At most 500 characters.")
        @Pattern(
                regexp = "https?://\\S+",
                message = "A base URL starts with http:// or https://, e.g. https://monitor.example.org.")
        String baseUrl,

        @Size(max = 500, message = "At most 500 characters.")
        String token) {

    @Override
    public String toString() {
        return "SourceDetails[name=" + name + ", kind=" + kind + ", baseUrl=" + baseUrl + ", token=***]";
    }
}
