package dev.aegis.aims;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** Someone confirmed having read one version of a policy. Kept for good: a later version needs its own. */
@Entity
@Audited
@Immutable
@Table(schema = "aims", name = "acknowledgement")
class Acknowledgement {

    @Embeddable
    record Key(
            @Column(name = "version_id") long versionId,
            @Column(name = "username") String username) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    protected Acknowledgement() {}

    Acknowledgement(long versionId, String username, Instant at) {
        this.key = new Key(versionId, username);
        this.acknowledgedAt = at;
    }

    long getVersionId() {
        return key.versionId();
    }

    String getUsername() {
        return key.username();
    }

    Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
