package dev.aegis.shared.reports;

import java.time.Instant;
import java.util.List;

/**
 * An extension point of the evidence pack: a bean of this type adds sections to the packs of the frameworks it serves
 * (the AI management system's records plug in here), without the pack depending on the module that keeps them. The
 * pack reads every source once per build, in their {@link org.springframework.core.annotation.Order}, and prints their
 * sections under one heading after its own.
 *
 * <p>Implementations answer from what was recorded before {@code asOf} only (records made later are left out, versions
 * are the ones in force then), with a bounded number of queries per section, never one per row: a pack is built for
 * large registers.
 */
public interface PackSectionSource {

    /**
     * The sections for a pack of {@code frameworkCode} (the catalog's identifier, e.g. "ISO-IEC-42001-2023") as of the
     * moment {@code asOf} (exclusive: the end of the pack's as-of day); empty when this source has nothing to say about
     * that framework.
     */
    List<PackSection> sectionsAsOf(Instant asOf, String frameworkCode);

    /**
     * One section: its title ("Policies"), an intro sentence that says what it holds as of when, and its rows (tables,
     * labels and values, paragraphs; no headings: the pack numbers and heads each section itself). A source that
     * found nothing returns its section with a row saying so ("None recorded by 2026-03-31."), so the auditor sees the
     * record type was looked for.
     */
    record PackSection(String title, String intro, List<DocRow> rows) {
        public PackSection {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }
}
