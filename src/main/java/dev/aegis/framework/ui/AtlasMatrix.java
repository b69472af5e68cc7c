package dev.aegis.framework.ui;

import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.RequirementKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ATLAS matrix as data: tactics in matrix order, each with the techniques that serve it (a technique may serve
 * several), each technique with its sub-techniques and the mitigations that address it or one of its sub-techniques.
 */
final class AtlasMatrix {

    record Card(
            RequirementSummary technique,
            List<RequirementSummary> subTechniques,
            List<RequirementSummary> mitigations) {

        boolean matches(String query) {
            String q = query.trim().toLowerCase(Locale.ROOT);
            return q.isEmpty()
                    || contains(technique, q)
                    || subTechniques.stream().anyMatch(s -> contains(s, q));
        }

        private static boolean contains(RequirementSummary r, String q) {
            return r.refId().toLowerCase(Locale.ROOT).contains(q)
                    || r.title().toLowerCase(Locale.ROOT).contains(q);
        }
    }

    record Column(RequirementSummary tactic, List<Card> cards) {}

    private AtlasMatrix() {}

    /**
     * @param tree       the ATLAS catalog in its order (tactics first, in matrix order)
     * @param inTactic   IN_TACTIC links as (technique, tactic) id pairs
     * @param addresses  ADDRESSES links as (mitigation, technique or sub-technique) id pairs; other catalogs' pairs
     *                   are ignored
     */
    static List<Column> build(List<RequirementSummary> tree, List<long[]> inTactic, List<long[]> addresses) {
        Map<Long, RequirementSummary> byId = new HashMap<>();
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < tree.size(); i++) {
            byId.put(tree.get(i).id(), tree.get(i));
            position.put(tree.get(i).id(), i);
        }
        Comparator<RequirementSummary> inCatalogOrder = Comparator.comparingInt(r -> position.get(r.id()));
        Map<Long, List<RequirementSummary>> subs = new HashMap<>();
        for (RequirementSummary r : tree) {
            if (r.kind() == RequirementKind.SUB_TECHNIQUE && r.parentId() != null) {
                subs.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, Set<RequirementSummary>> mitigationsOf = new HashMap<>();
        for (long[] pair : addresses) {
            RequirementSummary mitigation = byId.get(pair[0]);
            RequirementSummary addressed = byId.get(pair[1]);
            if (mitigation == null || addressed == null || mitigation.kind() != RequirementKind.MITIGATION) {
                continue;
            }
            // a mitigation of a sub-technique counts for its technique too: the card stands for both
            long techniqueId = addressed.kind() == RequirementKind.SUB_TECHNIQUE && addressed.parentId() != null
                    ? addressed.parentId()
                    : addressed.id();
            mitigationsOf
                    .computeIfAbsent(techniqueId, k -> new LinkedHashSet<>())
                    .add(mitigation);
        }
        Map<Long, List<RequirementSummary>> techniquesOf = new HashMap<>();
        for (long[] pair : inTactic) {
            RequirementSummary technique = byId.get(pair[0]);
            if (technique != null && byId.containsKey(pair[1])) {
                techniquesOf.computeIfAbsent(pair[1], k -> new ArrayList<>()).add(technique);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (RequirementSummary tactic : tree) {
            if (tactic.kind() != RequirementKind.TACTIC) {
                continue;
            }
            List<Card> cards = techniquesOf.getOrDefault(tactic.id(), List.of()).stream()
                    .sorted(inCatalogOrder)
                    .map(t -> new Card(
                            t,
                            subs.getOrDefault(t.id(), List.of()),
                            mitigationsOf.getOrDefault(t.id(), Set.of()).stream()
                                    .sorted(Comparator.comparing(RequirementSummary::refId))
                                    .toList()))
                    .toList();
            columns.add(new Column(tactic, cards));
        }
        return columns;
    }

    /**
     * The matrix as one block of markup: a column per tactic (id {@code tactic-<ref>}), a link per card to
     * {@code hrefPrefix + technique id} that the router follows, every text escaped.
     */
    static String html(List<Column> columns, String hrefPrefix) {
        StringBuilder html = new StringBuilder(256 * 200);
        html.append("<div id=\"atlas-matrix\" class=\"aegis-atlas\" style=\"--aegis-atlas-columns: ")
                .append(columns.size())
                .append("\">");
        for (Column column : columns) {
            RequirementSummary tactic = column.tactic();
            html.append("<section class=\"aegis-atlas-column\" id=\"tactic-")
                    .append(escape(tactic.refId()))
                    .append("\" aria-label=\"")
                    .append(escape(tactic.title()))
                    .append("\"><div class=\"aegis-atlas-tactic\"><span>")
                    .append(escape(tactic.title()))
                    .append("</span><span class=\"aegis-atlas-meta\">")
                    .append(escape(tactic.refId()))
                    .append(" · ")
                    .append(column.cards().size())
                    .append(" techniques</span></div>");
            for (Card card : column.cards()) {
                card(html, card, hrefPrefix);
            }
            html.append("</section>");
        }
        return html.append("</div>").toString();
    }

    private static void card(StringBuilder html, Card card, String hrefPrefix) {
        RequirementSummary t = card.technique();
        String title = t.label()
                + (card.mitigations().isEmpty()
                        ? " · no mitigation listed"
                        : " · " + card.mitigations().size() + " mitigations");
        html.append("<a class=\"aegis-atlas-card\" router-link href=\"")
                .append(escape(hrefPrefix + t.id()))
                .append("\" data-id=\"")
                .append(t.id())
                .append("\" title=\"")
                .append(escape(title))
                .append("\"><span class=\"aegis-ref\">")
                .append(escape(t.refId()))
                .append("</span><span class=\"aegis-atlas-name\">")
                .append(escape(t.title()))
                .append("</span>");
        int subs = card.subTechniques().size();
        if (subs > 0) {
            html.append("<span class=\"aegis-atlas-subs\">")
                    .append(subs == 1 ? "1 sub-technique" : subs + " sub-techniques")
                    .append("</span>");
        }
        if (!card.mitigations().isEmpty()) {
            html.append("<span class=\"aegis-atlas-mitigations\">");
            for (RequirementSummary m : card.mitigations()) {
                html.append("<span title=\"")
                        .append(escape(m.label()))
                        .append("\">")
                        .append(escape(m.refId().replace("AML.", "")))
                        .append("</span>");
            }
            html.append("</span>");
        }
        html.append("</a>");
    }

    private static String escape(String text) {
        return MappingMatrix.escape(text);
    }
}
