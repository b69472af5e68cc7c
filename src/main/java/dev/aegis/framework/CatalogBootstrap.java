package dev.aegis.framework;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the bundled catalogs and crosswalks into the database at start-up. Idempotent: when nothing changed (the
 * usual case) it writes nothing; after an upgrade of Aegis that ships a new catalog version, it applies the
 * difference.
 */
@Component
@Order(5)
class CatalogBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogBootstrap.class);
    private final BundledCatalogs bundled;
    private final CatalogImporter importer;

    CatalogBootstrap(BundledCatalogs bundled, CatalogImporter importer) {
        this.bundled = bundled;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
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
