package dev.aegis.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(schema = "framework", name = "crosswalk")
class Crosswalk {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;
    String name;

    @Column(name = "source_framework_id")
    Long sourceFrameworkId;

    @Column(name = "target_framework_id")
    Long targetFrameworkId;

    String description;
    String licence;
    String provenance;

    @Column(name = "content_hash")
    String contentHash;

    @Version
    long version;

    protected Crosswalk() {}

    Crosswalk(String code) {
        this.code = code;
    }
}
