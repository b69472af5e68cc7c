package dev.aegis.evidence.pack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A pack as the screens and the API show it. {@code state}: REQUESTED, BUILDING, SEALED or FAILED. */
public record PackView(
        long id,
        String requestedBy,
        Instant requestedAt,
        String framework,
        List<Long> systemIds,
        LocalDate asOf,
        String state,
        int progress,
        String manifestSha256,
        String sumsSha256,
        String zipSha256,
        Long size,
        Integer files,
        String failure,
        Instant sealedAt) {

    static PackView of(Pack p) {
        return new PackView(
                p.getId(),
                p.getRequestedBy(),
                p.getRequestedAt(),
                p.getFrameworkCode(),
                p.getSystemIds(),
                p.getAsOf(),
                p.getState().name(),
                p.getProgress(),
                p.getManifestSha256(),
                p.getSumsSha256(),
                p.getZipSha256(),
                p.getSizeBytes(),
                p.getFileCount(),
                p.getFailure(),
                p.getSealedAt());
    }

    public boolean sealed() {
        return "SEALED".equals(state);
    }

    public boolean running() {
        return "REQUESTED".equals(state) || "BUILDING".equals(state);
    }
}
