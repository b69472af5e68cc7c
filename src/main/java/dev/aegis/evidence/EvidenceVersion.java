package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.shared.files.InspectedFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of an evidence item: a file as it arrived (name, media type detected from the content, size, SHA-256,
 * where its bytes are stored), a link, or the JSON of a record Aegis made; with its own dates and review sign-off and
 * who added it when. A file version never changes once kept; a record version of the current day takes the day's
 * further results (see {@link RecordKeeper}).
 */
@Entity
@Table(schema = "evidence", name = "evidence_version")
public class EvidenceVersion {

    /** Where a file's bytes are. */
    public enum Storage {
        DATABASE,
        DIRECTORY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id")
    private long itemId;

    private int number;

    @Column(name = "collected_on")
    private LocalDate collectedOn;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "media_type")
    private String mediaType;

    private Long size;
    private String sha256;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Storage storage;

    private String url;
    private String record;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected EvidenceVersion() {}

    private EvidenceVersion(long itemId, int number, Dates dates, String createdBy, Instant createdAt) {
        this.itemId = itemId;
        this.number = number;
        date(dates);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    static EvidenceVersion ofFile(
            long itemId, int number, Dates dates, InspectedFile file, Storage storage, String createdBy, Instant at) {
        EvidenceVersion v = new EvidenceVersion(itemId, number, dates, createdBy, at);
        v.fileName = file.name();
        v.mediaType = file.mediaType();
        v.size = file.size();
        v.sha256 = file.sha256();
        v.storage = storage;
        return v;
    }

    static EvidenceVersion ofLink(long itemId, int number, Dates dates, String url, String createdBy, Instant at) {
        EvidenceVersion v = new EvidenceVersion(itemId, number, dates, createdBy, at);
        v.url = url;
        return v;
    }

    static EvidenceVersion ofRecord(
            long itemId, int number, Dates dates, String fileName, String json, String createdBy, Instant at) {
        EvidenceVersion v = new EvidenceVersion(itemId, number, dates, createdBy, at);
        v.fileName = fileName;
        v.mediaType = "application/json";
        v.rewrite(json);
        return v;
    }

    /** The record's JSON, as Aegis rewrote it with the day's further results. */
    void rewrite(String json) {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        record = json;
        size = (long) bytes.length;
        sha256 = dev.aegis.shared.files.UploadInspector.sha256Of(bytes);
    }

    void date(Dates dates) {
        collectedOn = dates.collectedOn();
        effectiveFrom = dates.effectiveFrom();
        effectiveTo = dates.effectiveTo();
        expiresOn = dates.expiresOn();
    }

    void signOff(String reviewer, Instant at) {
        reviewedBy = reviewer;
        reviewedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getItemId() {
        return itemId;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getCollectedOn() {
        return collectedOn;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public Long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Storage getStorage() {
        return storage;
    }

    public String getUrl() {
        return url;
    }

    public String getRecord() {
        return record;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean hasContent() {
        return sha256 != null;
    }

    public Dates dates() {
        return new Dates(collectedOn, effectiveFrom, effectiveTo, expiresOn);
    }
}
