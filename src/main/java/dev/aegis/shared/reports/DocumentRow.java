package dev.aegis.shared.reports;

/**
 * One row of a sectioned Aegis document (the shared template {@code reports/aegis-document.jrxml}): H1 section, H2
 * sub-section, P paragraph, KV label and value, TH/TR a four-column table head and row. JasperReports reads the rows
 * through their getters. (The same shape as {@code aims.ReportRow}, here for every module that prints a document.)
 */
public final class DocumentRow {

    private final String kind;
    private final String c1;
    private final String c2;
    private final String c3;
    private final String c4;

    private DocumentRow(String kind, String c1, String c2, String c3, String c4) {
        this.kind = kind;
        this.c1 = c1;
        this.c2 = c2;
        this.c3 = c3;
        this.c4 = c4;
    }

    public static DocumentRow h1(String title) {
        return new DocumentRow("H1", title, null, null, null);
    }

    public static DocumentRow h2(String title) {
        return new DocumentRow("H2", title, null, null, null);
    }

    public static DocumentRow p(String text) {
        return new DocumentRow("P", text, null, null, null);
    }

    /** A label and its value; an empty value prints as a dash. */
    public static DocumentRow kv(String label, String value) {
        return new DocumentRow("KV", label, value == null || value.isBlank() ? "—" : value, null, null);
    }

    public static DocumentRow th(String a, String b, String c, String d) {
        return new DocumentRow("TH", a, b, c, d);
    }

    public static DocumentRow tr(String a, String b, String c, String d) {
        return new DocumentRow("TR", a, b, c, d);
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

    /** Sections are bookmarked by their title. */
    public String getAnchor() {
        return kind.startsWith("H") ? c1 : null;
    }

    public java.awt.Image getImage() {
        return null;
    }

    // the shared template also prints a heading together with its first line (head1) and a table head together with
    // its first row (head1..head4); these rows never combine, so those fields stay empty
    public String getHead1() {
        return null;
    }

    public String getHead2() {
        return null;
    }

    public String getHead3() {
        return null;
    }

    public String getHead4() {
        return null;
    }
}
