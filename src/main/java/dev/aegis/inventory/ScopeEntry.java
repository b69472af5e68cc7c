package dev.aegis.inventory;

import dev.aegis.shared.DomainRuleException;
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

/**
 * One requirement in one system's scope. Not {@code @Audited}: a proposal run touches hundreds of these, so the
 * service tells the audit log one entry per run and one per decision instead.
 */
@Entity
@Table(schema = "inventory", name = "system_scope")
class ScopeEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ai_system_id")
    private long systemId;

    @Column(name = "requirement_id")
    private long requirementId;

    @Enumerated(EnumType.STRING)
    private ScopeState state;

    private String reason;

    @Column(name = "still_applies")
    private boolean stillApplies;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "exclusion_justification")
    private String exclusionJustification;

    @Version
    private long version;

    protected ScopeEntry() {}

    static ScopeEntry proposed(long systemId, long requirementId, String reason, Instant now) {
        ScopeEntry e = new ScopeEntry();
        e.systemId = systemId;
        e.requirementId = requirementId;
        e.state = ScopeState.PROPOSED;
        e.reason = reason;
        e.stillApplies = true;
        e.proposedAt = now;
        return e;
    }

    /** The rules still propose it (perhaps for other reasons now); clears a review flag. */
    void stillApplies(String newReason) {
        reason = newReason;
        stillApplies = true;
    }

    /** No rule proposes it any more: a decided entry stays, flagged for review. Returns whether it was newly flagged. */
    boolean noLongerApplies() {
        boolean newly = stillApplies;
        stillApplies = false;
        return newly;
    }

    /** Takes it into scope (from proposed, or back from excluded). Returns false when it already was. */
    boolean confirm(String by, Instant now) {
        if (state == ScopeState.CONFIRMED) {
            return false;
        }
        state = ScopeState.CONFIRMED;
        decidedBy = by;
        decidedAt = now;
        exclusionJustification = null;
        return true;
    }

    void exclude(String justification, String by, Instant now) {
        if (justification == null || justification.isBlank()) {
            throw new DomainRuleException(
                    "justification",
                    "Say why this requirement does not apply to the system: an exclusion needs a justification.");
        }
        state = ScopeState.EXCLUDED;
        exclusionJustification = justification.trim();
        decidedBy = by;
        decidedAt = now;
    }

    long getSystemId() {
        return systemId;
    }

    long getRequirementId() {
        return requirementId;
    }

    ScopeState getState() {
        return state;
    }

    String getReason() {
        return reason;
    }

    boolean isStillApplies() {
        return stillApplies;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getExclusionJustification() {
        return exclusionJustification;
    }
}
