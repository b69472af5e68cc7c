package dev.aegis.finding;

import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One point on a finding's timeline: a breach (failing result, alert seen open) or a recovery (passing result, alert
 * cleared), with the figure, the threshold and the window it was measured over. {@code delivery} names what brought
 * it (the test result or the alert), so the same delivery twice counts once.
 */
@Entity
@Table(schema = "finding", name = "occurrence")
public class Occurrence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "finding_id")
    private long findingId;

    @Enumerated(EnumType.STRING)
    private OccurrenceKind kind;

    private String delivery;
    private Double figure;
    private Double threshold;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "window_end")
    private Instant windowEnd;

    @Column(name = "sample_size")
    private Long sampleSize;

    private Instant at;

    protected Occurrence() {}

    Occurrence(
            long findingId,
            OccurrenceKind kind,
            String delivery,
            Double figure,
            Double threshold,
            Instant windowStart,
            Instant windowEnd,
            Long sampleSize,
            Instant at) {
        this.findingId = findingId;
        this.kind = kind;
        this.delivery = delivery;
        this.figure = figure;
        this.threshold = threshold;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.sampleSize = sampleSize;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public long getFindingId() {
        return findingId;
    }

    public OccurrenceKind getKind() {
        return kind;
    }

    public String getDelivery() {
        return delivery;
    }

    public Double getFigure() {
        return figure;
    }

    public Double getThreshold() {
        return threshold;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public Long getSampleSize() {
        return sampleSize;
    }

    public Instant getAt() {
        return at;
    }
}
