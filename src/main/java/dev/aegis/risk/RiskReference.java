package dev.aegis.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/**
 * A requirement a risk names, as its threat or as one it bears on (the view {@code risk.risk_reference} over both
 * link tables): read only, for the register's requirement filter.
 */
@Entity
@Immutable
@IdClass(RiskReference.Key.class)
@Table(schema = "risk", name = "risk_reference")
class RiskReference {

    @Id
    @Column(name = "risk_id")
    private Long riskId;

    @Id
    @Column(name = "requirement_id")
    private Long requirementId;

    protected RiskReference() {}

    record Key(Long riskId, Long requirementId) implements Serializable {}
}
