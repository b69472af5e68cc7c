package dev.aegis.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "framework", name = "requirement_link")
class RequirementLink {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "source_id")
    Long sourceId;

    @Column(name = "target_id")
    Long targetId;

    @Column(name = "link_type")
    String linkType;

    String note;

    protected RequirementLink() {}

    RequirementLink(Long sourceId, Long targetId, String linkType, String note) {
        this.sourceId = sourceId;
        this.targetId = targetId;
        this.linkType = linkType;
        this.note = note;
    }
}
