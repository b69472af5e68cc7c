package dev.aegis.evidence.pack;

/**
 * One row of a sectioned Aegis document (reports/aegis-document.jrxml): the kind picks the band — H1 section (its
 * anchor feeds the contents page), H2 sub-section, P paragraph, KV label and value, TH/TR four-column table.
 */
public record DocRow(String kind, String c1, String c2, String c3, String c4, String anchor) {

    static DocRow h1(String title) { return new DocRow("H1", title, null, null, null, title); }
    static DocRow h2(String title) { return new DocRow("H2", title, null, null, null, null); }
    static DocRow p(String text) { return new DocRow("P", text, null, null, null, null); }
    static DocRow kv(String label, String value) { return new DocRow("KV", label, value, null, null, null); }
    static DocRow th(String a, String b, String c, String d) { return new DocRow("TH", a, b, c, d, null); }
    static DocRow tr(String a, String b, String c, String d) { return new DocRow("TR", a, b, c, d, null); }

    public String getKind() { return kind; }
    public String getC1() { return c1; }
    public String getC2() { return c2; }
    public String getC3() { return c3; }
    public String getC4() { return c4; }
    public String getAnchor() { return anchor; }
}
