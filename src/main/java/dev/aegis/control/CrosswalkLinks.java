package dev.aegis.control;

import dev.aegis.control.CoverageArithmetic.Link;
import dev.aegis.framework.CatalogImported;
import dev.aegis.framework.CatalogViews.CrosswalkSummary;
import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CrosswalkEvents;
import dev.aegis.framework.FrameworkCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every crosswalk edge as coverage reads it, loaded once and dropped whenever a catalog is imported or an edge is
 * added, reviewed or removed (catalog data changes rarely; coverage is asked for all the time).
 */
@Component
class CrosswalkLinks {

    private final FrameworkCatalog catalog;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /** The links, and the crosswalk names by code. */
    record Snapshot(List<Link> links, Map<String, String> names) {}

    CrosswalkLinks(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    /** Called inside a service method, so the catalog's permission check sees the signed-in user. */
    Snapshot get() {
        Snapshot s = snapshot.get();
        if (s == null) {
            List<Link> links = new ArrayList<>();
            List<CrosswalkSummary> crosswalks = catalog.crosswalks();
            for (CrosswalkSummary c : crosswalks) {
                for (Edge e : catalog.edges(c.code())) {
                    links.add(new Link(
                            c.code(),
                            e.source().id(),
                            e.target().id(),
                            e.relationship(),
                            e.source().frameworkCode(),
                            e.target().frameworkCode()));
                }
            }
            s = new Snapshot(
                    List.copyOf(links),
                    crosswalks.stream().collect(Collectors.toMap(CrosswalkSummary::code, CrosswalkSummary::name)));
            snapshot.set(s);
        }
        return s;
    }

    @EventListener
    void on(CatalogImported event) {
        snapshot.set(null);
    }

    @EventListener
    void on(CrosswalkEvents.EdgeAdded event) {
        snapshot.set(null);
    }

    @EventListener
    void on(CrosswalkEvents.EdgeReviewed event) {
        snapshot.set(null);
    }

    @EventListener
    void on(CrosswalkEvents.EdgeRemoved event) {
        snapshot.set(null);
    }
}
