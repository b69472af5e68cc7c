package dev.aegis.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(schema = "framework", name = "catalog_import")
class CatalogImport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "framework_code")
    String frameworkCode;

    @Column(name = "from_version")
    String fromVersion;

    @Column(name = "to_version")
    String toVersion;

    int added;
    int changed;
    int withdrawn;
    int restored;

    @Column(name = "imported_at")
    Instant importedAt;

    @Column(name = "imported_by")
    String importedBy;

    protected CatalogImport() {}

    CatalogImport(String code, String from, String to, CatalogDiff diff, Instant at, String by) {
        this.frameworkCode = code;
        this.fromVersion = from;
        this.toVersion = to;
        this.added = diff.added().size();
        this.changed = diff.changed().size();
        this.withdrawn = diff.withdrawn().size();
        this.restored = diff.restored().size();
        this.importedAt = at;
        this.importedBy = by;
    }
}
