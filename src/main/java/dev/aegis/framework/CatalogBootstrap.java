package dev.aegis.framework;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings the bundled catalogs and crosswalks into the database at start-up. Idempotent: when nothing changed (the
 * usual case) it writes nothing; after an upgrade of Aegis that ships a new catalog version, it applies the
 * difference. A restart checks the bundle by its content hash first ({@link BundledCatalogs#contentHash()}: the
 * catalog files and the code that reads them) and, when the database already holds that bundle, reads nothing else.
 */
@Component
@Order(5)
class CatalogBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogBootstrap.class);
    private final BundledCatalogs bundled;
    private final CatalogImporter importer;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogBootstrap(BundledCatalogs bundled, CatalogImporter importer, JdbcTemplate jdbc, Clock clock) {
        this.bundled = bundled;
        this.importer = importer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = bundled.contentHash();
        List<String> imported =
                jdbc.queryForList("select sha256 from framework.bundle_import where bundle = ?", String.class, BUNDLE);
        if (imported.contains(hash) && allPresent()) {
            log.debug("Bundled catalogs unchanged (SHA-256 {}): nothing to import", hash);
            return;
        }
        importAll();
        jdbc.update(
                "insert into framework.bundle_import (bundle, sha256, imported_at) values (?, ?, ?) "
                        + "on conflict (bundle) do update set sha256 = excluded.sha256, imported_at = excluded.imported_at",
                BUNDLE,
                hash,
                Timestamp.from(clock.instant()));
    }

    private static final String BUNDLE = "bundled-catalogs";

    /** Whether every bundled framework is still there (a restored or hand-edited database imports again). */
    private boolean allPresent() {
        List<String> codes = List.of(
                BundledCatalogs.NIST_RMF,
                BundledCatalogs.NIST_GAI,
                BundledCatalogs.ISO_42001,
                BundledCatalogs.OWASP_LLM,
                BundledCatalogs.ATLAS,
                BundledCatalogs.EU_AI_ACT);
        Integer present = jdbc.queryForObject(
                "select count(*) from framework.framework where code = any (?)", Integer.class, (Object)
                        codes.toArray(String[]::new));
        return present != null && present == codes.size();
    }

    private void importAll() {
        for (CatalogDocument doc : bundled.catalogs()) {
            CatalogDiff diff = importer.apply(doc);
            if (!diff.isEmpty()) {
                log.info(
                        "Catalog {} {}: {} added, {} changed, {} withdrawn",
                        doc.info().code(),
                        doc.info().version(),
                        diff.added().size(),
                        diff.changed().size(),
                        diff.withdrawn().size());
            }
        }
        for (CrosswalkDocument doc : bundled.crosswalks()) {
            int written = importer.apply(doc);
            if (written > 0) {
                log.info("Crosswalk {}: {} edges written", doc.code(), written);
            }
        }
    }
}
