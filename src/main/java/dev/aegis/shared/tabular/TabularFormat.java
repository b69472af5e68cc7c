package dev.aegis.shared.tabular;

/** The file formats a register is exported to and imported from. */
public enum TabularFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TabularFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Which format a file is in, judged by its content: an XLSX file is a ZIP archive, which starts with "PK". */
    public static TabularFormat detect(byte[] data) {
        return data.length >= 2 && data[0] == 'P' && data[1] == 'K' ? XLSX : CSV;
    }

    /** The format named by a request parameter ({@code csv}, {@code xlsx}, any case). */
    public static TabularFormat of(String name) {
        for (TabularFormat f : values()) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f;
            }
        }
        throw new dev.aegis.shared.DomainRuleException("format", "format is csv or xlsx.");
    }
}
