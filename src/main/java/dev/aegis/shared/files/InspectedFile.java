package dev.aegis.shared.files;

import java.util.HexFormat;

/**
 * An uploaded file that passed inspection: its name as given (cleaned of any path), the media type detected from its
 * content, its size and its SHA-256 (lower-case hex, as {@code sha256sum} prints it).
 */
public record InspectedFile(String name, String mediaType, long size, String sha256, byte[] content) {

    public InspectedFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The size for people: "812 B", "14.2 KB", "3.1 MB". */
    public static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public String toString() {
        return "InspectedFile[" + name + ", " + mediaType + ", " + size + " B, sha256=" + sha256 + "]";
    }
}
