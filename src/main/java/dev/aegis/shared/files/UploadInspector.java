package dev.aegis.shared.files;

import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks an upload before anything keeps it: at most {@code aegis.uploads.max-bytes} (AEGIS_UPLOAD_MAX_BYTES,
 * default 20 MB), a type detected from the content (Apache Tika's magic bytes, never the name or the browser's
 * claim) that is on the allowed list {@code aegis.uploads.allowed-types} (AEGIS_UPLOAD_ALLOWED_TYPES), and its
 * SHA-256 computed while it is read. A rejected file raises a {@link DomainRuleException} that says why, in words a
 * user understands (422 in the API, a field message in a form).
 */
@Component
public class UploadInspector {

    /** PDF, images, plain text and CSV, Office documents (OOXML and legacy), OpenDocument, JSON, ZIP. */
    public static final String DEFAULT_TYPES = "application/pdf,image/png,image/jpeg,image/gif,image/webp,"
            + "text/plain,text/csv,application/json,application/zip,application/x-tika-ooxml,"
            + "application/x-tika-msoffice,application/vnd.oasis.opendocument.text,"
            + "application/vnd.oasis.opendocument.spreadsheet";

    private static final Tika TIKA = new Tika();

    private final long maxBytes;
    private final Set<String> allowed;

    public UploadInspector(
            @Value("${aegis.uploads.max-bytes:20971520}") long maxBytes,
            @Value("${aegis.uploads.allowed-types:" + DEFAULT_TYPES + "}") String allowedTypes) {
        this.maxBytes = maxBytes;
        this.allowed = Arrays.stream(allowedTypes.split(","))
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The largest upload accepted, in bytes (for an upload component's limit and for the message). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The media types accepted, as detected from content. */
    public Set<String> allowedTypes() {
        return Set.copyOf(allowed);
    }

    /**
     * Reads the stream (closing it), refusing it as soon as it grows past the limit, and checks the detected type.
     *
     * @param field the form field or JSON property to blame in the message (may be null)
     */
    public InspectedFile inspect(String field, String fileName, InputStream in) {
        String name = cleanName(fileName);
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (in;
                DigestOutputStream out = new DigestOutputStream(bytes, sha256)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new DomainRuleException(
                            field,
                            "\"" + name + "\" is larger than the limit of " + InspectedFile.readableSize(maxBytes)
                                    + ".");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The upload of " + name + " could not be read", e);
        }
        byte[] content = bytes.toByteArray();
        if (content.length == 0) {
            throw new DomainRuleException(field, "\"" + name + "\" is empty.");
        }
        String type = detect(content);
        if (!allowed.contains(type)) {
            throw new DomainRuleException(
                    field,
                    "\"" + name + "\" is of type " + type
                            + ", which is not accepted here. Accepted: PDF, images, text, CSV, JSON, ZIP and office documents.");
        }
        return new InspectedFile(name, type, content.length, InspectedFile.hex(sha256.digest()), content);
    }

    /** The SHA-256 of some bytes, lower-case hex. */
    public static String sha256Of(byte[] content) {
        return InspectedFile.hex(sha256().digest(content));
    }

    /**
     * The type from the content. Text gets a closer look: Tika's magic calls CSV and JSON plain text, so text that
     * parses as either is named so (still decided by content, not by the file name).
     */
    static String detect(byte[] content) {
        String type = TIKA.detect(content).toLowerCase(Locale.ROOT);
        if (type.equals("text/plain")) {
            String text = new String(
                            content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
                    .strip();
            if ((text.startsWith("{") || text.startsWith("[")) && looksLikeJson(content)) {
                return "application/json";
            }
        }
        return type;
    }

    private static boolean looksLikeJson(byte[] content) {
        try {
            new tools.jackson.databind.ObjectMapper().readTree(content);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String cleanName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}]", "")
                .strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
