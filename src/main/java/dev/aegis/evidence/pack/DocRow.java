package dev.aegis.evidence.pack;

/**
 * One row of a sectioned Aegis document (reports/aegis-document.jrxml): the kind picks the band — H1 section and H2
 * sub-section (their anchors feed the contents page and the PDF bookmarks), P paragraph, KV label and value (KVM: the
 * value monospaced), TH/TR four-column table (TRM: the last column monospaced), IMG a chart.
 */
public record DocRow(String kind, String c1, String c2, String c3, String c4, String anchor, java.awt.Image image) {

    public DocRow(String kind, String c1, String c2, String c3, String c4, String anchor) {
        this(kind, c1, c2, c3, c4, anchor, null);
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
}
