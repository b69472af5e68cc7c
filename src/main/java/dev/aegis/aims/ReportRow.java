package dev.aegis.aims;

/**
 * One row of a sectioned Aegis document (the shared template {@code reports/aegis-document.jrxml}): H1 section, H2
 * sub-section, P paragraph, KV label and value, TH/TR a four-column table head and row. JasperReports reads the rows
 * through their getters.
 */
public final class ReportRow {

    private final String kind;
    private final String c1;
    private final String c2;
    private final String c3;
    private final String c4;

    private ReportRow(String kind, String c1, String c2, String c3, String c4) {
        this.kind = kind;
        this.c1 = c1;
        this.c2 = c2;
        this.c3 = c3;
        this.c4 = c4;
    }

    static ReportRow h1(String title) {
        return new ReportRow("H1", title, null, null, null);
    }

    static ReportRow h2(String title) {
        return new ReportRow("H2", title, null, null, null);
    }

    static ReportRow p(String text) {
        return new ReportRow("P", text, null, null, null);
    }

    static ReportRow kv(String label, String value) {
        return new ReportRow("KV", label, value == null || value.isBlank() ? "—" : value, null, null);
    }

    static ReportRow th(String a, String b, String c, String d) {
        return new ReportRow("TH", a, b, c, d);
    }

    static ReportRow tr(String a, String b, String c, String d) {
        return new ReportRow("TR", a, b, c, d);
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
