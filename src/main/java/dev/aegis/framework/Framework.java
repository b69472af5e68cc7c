package dev.aegis.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A framework catalog at the version last imported. */
@Entity
@Table(schema = "framework", name = "framework")
class Framework {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;
    String name;

    @Column(name = "catalog_version")
    String catalogVersion;

    String publisher;
    String url;
    String licence;
    String attribution;
    String provenance;
    boolean custom;

    @Column(name = "content_hash")
    String contentHash;

    @Column(name = "imported_at")
    Instant importedAt;

    @Column(name = "imported_by")
    String importedBy;

    @Version
    long version;

    protected Framework() {}

    Framework(String code) {
        this.code = code;
    }

    void describe(CatalogDocument.Info info, String hash, Instant at, String by) {
        name = info.name();
        catalogVersion = info.version();
        publisher = info.publisher();
        url = info.url();
        licence = info.licence();
        attribution = info.attribution();
        provenance = info.provenance();
        custom = info.custom();
        contentHash = hash;
        importedAt = at;
        importedBy = by;
    }
}
