package dev.aegis.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One node of a catalog, keyed by its framework and stable reference id. Never deleted: a requirement a new version
 * drops is withdrawn, so every link to it stays and can be flagged.
 */
@Entity
@Table(schema = "framework", name = "requirement")
class Requirement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "framework_id")
    Long frameworkId;

    @Column(name = "ref_id")
    String refId;

    String title;
    String text;

    @Enumerated(EnumType.STRING)
    RequirementKind kind;

    @Column(name = "parent_id")
    Long parentId;

    @Column(name = "sort_order")
    int sortOrder;

    int depth;
    boolean assessable;
    boolean withdrawn;

    @Column(name = "added_in")
    String addedIn;

    @Column(name = "changed_in")
    String changedIn;

    @Column(name = "withdrawn_in")
    String withdrawnIn;

    @Column(name = "content_hash")
    String contentHash;

    protected Requirement() {}

    Requirement(Long frameworkId, String refId, String addedIn) {
        this.frameworkId = frameworkId;
        this.refId = refId;
        this.addedIn = addedIn;
    }
}
