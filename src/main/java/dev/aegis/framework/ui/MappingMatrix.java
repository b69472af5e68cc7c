package dev.aegis.framework.ui;

import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mapping matrix of a crosswalk as one HTML table: source requirements as rows, target requirements as columns,
 * a coloured mark where an edge joins them. Thousands of cells as server-side components would weigh on every
 * session, so the table is rendered as markup (every text escaped) and clicks are read from a data attribute.
 */
final class MappingMatrix {

    private MappingMatrix() {}

    /** @param order the catalog position of each requirement, so rows and columns read like the frameworks */
    static String render(List<Edge> edges, Map<Long, Integer> order) {
        Comparator<RequirementSummary> byCatalog = Comparator.comparingInt(
                        (RequirementSummary r) -> order.getOrDefault(r.id(), Integer.MAX_VALUE))
                .thenComparing(RequirementSummary::refId);
        TreeSet<RequirementSummary> rows = new TreeSet<>(byCatalog);
        TreeSet<RequirementSummary> columns = new TreeSet<>(byCatalog);
        Map<String, Edge> cells = new HashMap<>();
        for (Edge e : edges) {
            rows.add(e.source());
            columns.add(e.target());
            cells.put(e.source().id() + ":" + e.target().id(), e);
        }
        StringBuilder html = new StringBuilder(64 * (rows.size() + 1) * (columns.size() + 1));
        html.append("<table class=\"aegis-matrix\"><thead><tr><th class=\"aegis-matrix-corner\" scope=\"col\">")
                .append(rows.size())
                .append(" × ")
                .append(columns.size())
                .append("</th>");
        for (RequirementSummary c : columns) {
            html.append("<th scope=\"col\" title=\"")
                    .append(escape(c.label()))
                    .append("\">")
                    .append(escape(c.refId()))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (RequirementSummary r : rows) {
            html.append("<tr><th scope=\"row\" title=\"")
                    .append(escape(r.label()))
                    .append("\">")
                    .append(escape(r.refId()))
                    .append("</th>");
            for (RequirementSummary c : columns) {
                Edge e = cells.get(r.id() + ":" + c.id());
                if (e == null) {
                    html.append("<td></td>");
                } else {
                    cell(html, e);
                }
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static void cell(StringBuilder html, Edge e) {
        StringBuilder classes = new StringBuilder(Badges.cssClass(e.relationship()));
        StringBuilder title = new StringBuilder(e.source().refId())
                .append(" → ")
                .append(e.target().refId())
                .append(": ")
                .append(Badges.label(e.relationship()));
        String mark = Badges.symbol(e.relationship());
        if (e.needsReview()) {
            classes.append(" aegis-cell-review");
            title.append(" · needs review");
            mark += "!";
        }
        if (e.catalogChanged()) {
            classes.append(" aegis-cell-changed");
            title.append(" · catalog changed");
            mark += "*";
        }
        html.append("<td class=\"")
                .append(classes)
                .append("\" data-edge=\"")
                .append(e.id())
                .append("\" title=\"")
                .append(escape(title.toString()))
                .append("\">")
                .append(escape(mark))
                .append("</td>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
