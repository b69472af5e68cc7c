package dev.aegis.evidence.pack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One evidence pack: asked for by an auditor for a framework, a scope (some AI systems, or all) and an "as of" date;
 * built in the background, then sealed with the hashes an auditor verifies offline. A sealed pack never changes.
 */
@Entity
@Table(schema = "evidencepack", name = "pack")
class Pack {

    enum State {
        REQUESTED,
        BUILDING,
        SEALED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "framework_code")
    private String frameworkCode;

    @Column(name = "system_ids")
    private Long[] systemIds;

    @Column(name = "as_of")
    private LocalDate asOf;

    @Enumerated(EnumType.STRING)
    private State state;

    private int progress;

    @Column(name = "manifest_sha256")
    private String manifestSha256;

    @Column(name = "sums_sha256")
    private String sumsSha256;

    @Column(name = "zip_sha256")
    private String zipSha256;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "file_count")
    private Integer fileCount;

    private String failure;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Version
    private long version;

    protected Pack() {}

    Pack(String requestedBy, Instant requestedAt, String frameworkCode, List<Long> systemIds, LocalDate asOf) {
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.frameworkCode = frameworkCode;
        this.systemIds = systemIds.stream().distinct().sorted().toArray(Long[]::new);
        this.asOf = asOf;
        this.state = State.REQUESTED;
    }

    void startBuilding() {
        require(State.REQUESTED, "start building");
        state = State.BUILDING;
        progress = 0;
    }

    void progressTo(int percent) {
        require(State.BUILDING, "record progress");
        progress = Math.max(progress, Math.min(99, Math.max(0, percent)));
    }

    /** The finished ZIP: its hashes and size are fixed from now on. */
    void seal(String manifestSha256, String sumsSha256, String zipSha256, long sizeBytes, int fileCount, Instant at) {
        require(State.BUILDING, "seal");
        this.manifestSha256 = manifestSha256;
        this.sumsSha256 = sumsSha256;
        this.zipSha256 = zipSha256;
        this.sizeBytes = sizeBytes;
        this.fileCount = fileCount;
        this.sealedAt = at;
        this.progress = 100;
        this.state = State.SEALED;
    }

    void fail(String reason) {
        if (state == State.SEALED) {
            throw new IllegalStateException("Pack " + id + " is sealed and cannot fail any more");
        }
        state = State.FAILED;
        failure = reason == null ? "unknown" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    private void require(State expected, String step) {
        if (state != expected) {
            throw new IllegalStateException("Cannot " + step + " pack " + id + ": it is " + state);
        }
    }

    Long getId() {
        return id;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    String getFrameworkCode() {
        return frameworkCode;
    }

    List<Long> getSystemIds() {
        return systemIds == null ? List.of() : Arrays.asList(systemIds);
    }

    LocalDate getAsOf() {
        return asOf;
    }

    State getState() {
        return state;
    }

    int getProgress() {
        return progress;
    }

    String getManifestSha256() {
        return manifestSha256;
    }

    String getSumsSha256() {
        return sumsSha256;
    }

    String getZipSha256() {
        return zipSha256;
    }

    Long getSizeBytes() {
        return sizeBytes;
    }

    Integer getFileCount() {
        return fileCount;
    }

    String getFailure() {
        return failure;
    }

    Instant getSealedAt() {
        return sealedAt;
    }

    long getVersion() {
        return version;
    }
}
