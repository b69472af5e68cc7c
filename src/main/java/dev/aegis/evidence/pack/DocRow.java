package dev.aegis.evidence.pack;

/**
 * One row of a sectioned Aegis document (reports/aegis-document.jrxml): the kind picks the band — H1 section and H2
 * sub-section (their anchors feed the contents page and the PDF bookmarks), P paragraph, KV label and value (KVM: the
 * value monospaced), TH/TR four-column table (TRM: the last column monospaced; TRH/TRMH: a table's first row with its
 * head, see {@link #keepHeadsWithFirstRow}), IMG a chart.
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
        String head4) {

    public DocRow(String kind, String c1, String c2, String c3, String c4, String anchor) {
        this(kind, c1, c2, c3, c4, anchor, null);
    }

    public DocRow(String kind, String c1, String c2, String c3, String c4, String anchor, java.awt.Image image) {
        this(kind, c1, c2, c3, c4, anchor, image, null, null, null, null);
    }

    /**
     * The rows as the template prints them: a table head (TH) followed by a row is printed as one band with that first
     * row (TRH, or TRMH for a row with a monospaced hash), and a heading followed by a paragraph or a label and value as
     * one band with it ("H2+KV": the heading in head1, its anchor kept), so neither stands alone at the foot of a page.
     */
    static java.util.List<DocRow> keepHeadsWithFirstRow(java.util.List<DocRow> rows) {
        java.util.List<DocRow> out = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            DocRow r = rows.get(i);
            DocRow next = i + 1 < rows.size() ? rows.get(i + 1) : null;
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
                        null));
                i++;
            } else if ("TH".equals(r.kind())
                    && next != null
                    && ("TR".equals(next.kind()) || "TRM".equals(next.kind()))) {
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
                        r.c4()));
                i++;
            } else {
                out.add(r);
            }
        }
        return out;
    }

    static DocRow h1(String title) {
        return new DocRow("H1", title, null, null, null, title);
    }

    static DocRow h2(String title) {
        return new DocRow("H2", title, null, null, null, title);
    }

    static DocRow p(String text) {
        return new DocRow("P", text, null, null, null, null);
    }

    static DocRow kv(String label, String value) {
        return new DocRow("KV", label, value, null, null, null);
    }

    static DocRow kvMono(String label, String value) {
        return new DocRow("KVM", label, value, null, null, null);
    }

    static DocRow th(String a, String b, String c, String d) {
        return new DocRow("TH", a, b, c, d, null);
    }

    static DocRow tr(String a, String b, String c, String d) {
        return new DocRow("TR", a, b, c, d, null);
    }

    static DocRow trMono(String a, String b, String c, String hash) {
        return new DocRow("TRM", a, b, c, hash, null);
    }

    static DocRow image(java.awt.Image image) {
        return new DocRow("IMG", null, null, null, null, null, image);
    }

    /** An image in a band half as tall (130 points), for a chart of a few rows that would leave the tall band blank. */
    static DocRow smallImage(java.awt.Image image) {
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
}
