package dev.aegis.shared.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a sectioned Aegis document (the shared template {@code reports/aegis-document.jrxml}, printed by
 * {@link Reports#document}): the kind picks the band — H1 section and H2 sub-section (their anchors feed the contents
 * page and the PDF bookmarks), P paragraph, KV label and value (KVM: the value monospaced), TH/TR four-column table
 * (TRM: the last column monospaced), IMG a chart. A table's {@link Layout} sets its column widths.
 *
 * <p>{@link #keepHeadsWithFirstRow} turns the rows into what the template prints: a table's first row carries its head
 * (TRH/TRMH), every row of a table carries the head and the table's number (the template reprints the head at the top
 * of each further page), and a heading followed by a line is one band with it.
 */
public record DocRow(
        String kind,
        String c1,
        String c2,
        String c3,
        String c4,
        String anchor,
        java.awt.Image image,
        String head1,
        String head2,
        String head3,
        String head4,
        Integer table,
        Layout layout) {

    /** Column widths of a four-column table (in points, 523 in all). */
    public enum Layout {
        /** 85 · 170 · 130 · 138: a reference, a title, two descriptions. */
        REFERENCE_TITLE,
        /** 253 · 90 · 90 · 90: a name or a sentence, then three short figures. */
        NAME_AND_FIGURES,
        /** 190 · 90 · 130 · 113: a requirement or a sentence, a short result, a note, a date and person. */
        TEXT_FIRST
    }

    public DocRow(String kind, String c1, String c2, String c3, String c4, String anchor) {
        this(kind, c1, c2, c3, c4, anchor, null);
    }

    public DocRow(String kind, String c1, String c2, String c3, String c4, String anchor, java.awt.Image image) {
        this(kind, c1, c2, c3, c4, anchor, image, null, null, null, null, null, Layout.REFERENCE_TITLE);
    }

    /**
     * The rows as the template prints them: a table head (TH) followed by a row is printed as one band with that first
     * row (TRH, or TRMH for a row with a monospaced hash), and a heading followed by a paragraph or a label and value as
     * one band with it ("H2+KV": the heading in head1, its anchor kept), so neither stands alone at the foot of a page.
     * Every row of a table carries its head and the table's number, so that a table running over a page break has its
     * head printed again at the top of the next page.
     */
    public static List<DocRow> keepHeadsWithFirstRow(List<DocRow> rows) {
        List<DocRow> out = new ArrayList<>(rows.size());
        int tables = 0;
        DocRow head = null;
        for (int i = 0; i < rows.size(); i++) {
            DocRow r = rows.get(i);
            DocRow next = i + 1 < rows.size() ? rows.get(i + 1) : null;
            if (isTableRow(r) && head != null) {
                out.add(new DocRow(
                        r.kind(),
                        r.c1(),
                        r.c2(),
                        r.c3(),
                        r.c4(),
                        r.anchor(),
                        null,
                        head.c1(),
                        head.c2(),
                        head.c3(),
                        head.c4(),
                        tables,
                        head.layout()));
                continue;
            }
            head = null;
            if (next != null
                    && ("H1".equals(r.kind()) || "H2".equals(r.kind()))
                    && ("P".equals(next.kind()) || "KV".equals(next.kind()) || "KVM".equals(next.kind()))) {
                // a heading printed with its first line: never alone at a page's foot
                out.add(new DocRow(
                        r.kind() + "+" + next.kind(),
                        next.c1(),
                        next.c2(),
                        null,
                        null,
                        r.anchor(),
                        null,
                        r.c1(),
                        null,
                        null,
                        null,
                        null,
                        Layout.REFERENCE_TITLE));
                i++;
            } else if ("TH".equals(r.kind()) && isTableRow(next)) {
                head = r;
                tables++;
                out.add(new DocRow(
                        next.kind() + "H",
                        next.c1(),
                        next.c2(),
                        next.c3(),
                        next.c4(),
                        next.anchor(),
                        null,
                        r.c1(),
                        r.c2(),
                        r.c3(),
                        r.c4(),
                        tables,
                        r.layout()));
                i++;
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean isTableRow(DocRow r) {
        return r != null && ("TR".equals(r.kind()) || "TRM".equals(r.kind()));
    }

    public static DocRow h1(String title) {
        return new DocRow("H1", title, null, null, null, title);
    }

    public static DocRow h2(String title) {
        return new DocRow("H2", title, null, null, null, title);
    }

    public static DocRow p(String text) {
        return new DocRow("P", text, null, null, null, null);
    }

    public static DocRow kv(String label, String value) {
        return new DocRow("KV", label, value, null, null, null);
    }

    public static DocRow kvMono(String label, String value) {
        return new DocRow("KVM", label, value, null, null, null);
    }

    public static DocRow th(String a, String b, String c, String d) {
        return th(Layout.REFERENCE_TITLE, a, b, c, d);
    }

    /** A table head whose columns have the widths of {@code layout} (its rows follow it). */
    public static DocRow th(Layout layout, String a, String b, String c, String d) {
        return new DocRow("TH", a, b, c, d, null, null, null, null, null, null, null, layout);
    }

    public static DocRow tr(String a, String b, String c, String d) {
        return new DocRow("TR", a, b, c, d, null);
    }

    public static DocRow trMono(String a, String b, String c, String hash) {
        return new DocRow("TRM", a, b, c, hash, null);
    }

    public static DocRow image(java.awt.Image image) {
        return new DocRow("IMG", null, null, null, null, null, image);
    }

    /** An image in a band half as tall (130 points), for a chart of a few rows that would leave the tall band blank. */
    public static DocRow smallImage(java.awt.Image image) {
        return new DocRow("IMG_SMALL", null, null, null, null, null, image);
    }

    public String getKind() {
        return kind;
    }

    public String getC1() {
        return c1;
    }

    public String getC2() {
        return c2;
    }

    public String getC3() {
        return c3;
    }

    public String getC4() {
        return c4;
    }

    public String getAnchor() {
        return anchor;
    }

    public java.awt.Image getImage() {
        return image;
    }

    public String getHead1() {
        return head1;
    }

    public String getHead2() {
        return head2;
    }

    public String getHead3() {
        return head3;
    }

    public String getHead4() {
        return head4;
    }

    /** The table's number within the document (null outside a table): the template's group reprints its head. */
    public Integer getTable() {
        return table;
    }

    /** The layout's name, for the template's bands. */
    public String getLayout() {
        return layout == null ? Layout.REFERENCE_TITLE.name() : layout.name();
    }
}
