package dev.aegis.shared;

import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.files.UploadInspector;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's profile as an administrator set it (name and logo, table {@code shared.organisation_profile}),
 * {@code AEGIS_ORGANISATION_NAME} until then. A logo is a PNG or JPEG of at most {@link #LOGO_MAX_BYTES}, checked by
 * the {@link UploadInspector}, and kept as a PNG at most {@link #LOGO_MAX_PIXELS} wide or high. Changes are audited
 * ({@code Organisation} {@code UPDATE}) and optimistically locked.
 */
@Component
public class ConfiguredOrganisation implements OrganisationProfile {

    public static final long LOGO_MAX_BYTES = 1024 * 1024;
    static final int LOGO_MAX_PIXELS = 600;
    static final int NAME_MAX = 200;

    private final String configuredName;
    private final JdbcTemplate jdbc;
    private final UploadInspector inspector;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Read on every report: kept in memory, reloaded after a change. */
    private volatile Settings cached;

    /** What an administrator sees and edits; {@code version} 0 before the first save. */
    public record Settings(String name, byte[] logoPng, String logoFileName, long version) {}

    /** Audited change of the organisation's profile. */
    public record OrganisationChanged(String what, Map<String, Object> details) implements AuditableEvent {
        @Override
        public String objectType() {
            return "Organisation";
        }

        @Override
        public String objectId() {
            return "1";
        }

        @Override
        public String action() {
            return "UPDATE";
        }
    }

    ConfiguredOrganisation(
            @Value("${aegis.organisation.name:}") String name,
            JdbcTemplate jdbc,
            UploadInspector inspector,
            ApplicationEventPublisher events,
            Clock clock) {
        this.configuredName = name == null || name.isBlank() ? "Aegis" : name.strip();
        this.jdbc = jdbc;
        this.inspector = inspector;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return settings().name();
    }

    @Override
    public Optional<byte[]> logoPng() {
        return Optional.ofNullable(settings().logoPng());
    }

    /** The current settings (the configured name until an administrator saved them). */
    public Settings settings() {
        Settings s = cached;
        if (s == null) {
            List<Settings> rows = jdbc.query(
                    "select name, logo_png, logo_file_name, version from " + "shared.organisation_profile where id = 1",
                    (rs, n) -> new Settings(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getLong(4)));
            s = rows.isEmpty() ? new Settings(configuredName, null, null, 0) : rows.getFirst();
            cached = s;
        }
        return s;
    }

    /** Sets the organisation's name; {@code expectedVersion} is the version the administrator saw. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Settings rename(String name, long expectedVersion) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new DomainRuleException("name", "Enter the organisation's name.");
        }
        if (clean.length() > NAME_MAX) {
            throw new DomainRuleException("name", "The name is at most " + NAME_MAX + " characters long.");
        }
        Settings before = settings();
        save(new Settings(clean, before.logoPng(), before.logoFileName(), expectedVersion));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.name());
        details.put("after", clean);
        events.publishEvent(new OrganisationChanged("name", details));
        return settings();
    }

    /**
     * Sets the logo from an upload: a PNG or JPEG of at most 1 MB (checked by content, not by name), stored as a PNG
     * scaled to fit {@value #LOGO_MAX_PIXELS} pixels.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Settings changeLogo(String fileName, InputStream content, long expectedVersion) {
        InspectedFile file = inspector.inspect("logo", fileName, content);
        if (!file.mediaType().equals("image/png") && !file.mediaType().equals("image/jpeg")) {
            throw new DomainRuleException("logo", "\"" + file.name() + "\" is not a PNG or JPEG image.");
        }
        if (file.size() > LOGO_MAX_BYTES) {
            throw new DomainRuleException(
                    "logo",
                    "\"" + file.name() + "\" is larger than the limit of " + InspectedFile.readableSize(LOGO_MAX_BYTES)
                            + " for a logo.");
        }
        byte[] png = png(file);
        Settings before = settings();
        save(new Settings(before.name(), png, file.name(), expectedVersion));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("logo", file.name());
        details.put("sha256", file.sha256());
        details.put("size", file.size());
        events.publishEvent(new OrganisationChanged("logo", details));
        return settings();
    }

    /** Removes the logo: reports show the name alone. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Settings removeLogo(long expectedVersion) {
        Settings before = settings();
        save(new Settings(before.name(), null, null, expectedVersion));
        events.publishEvent(new OrganisationChanged("logo", Map.of("logo", "removed")));
        return settings();
    }

    private void save(Settings s) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        String who = auth == null ? Actors.SYSTEM : auth.getName();
        Timestamp now = Timestamp.from(clock.instant());
        int changed;
        if (s.version() == 0) {
            changed = jdbc.update("""
                    insert into shared.organisation_profile (id, name, logo_png, logo_file_name, version, updated_by,
                        updated_at) values (1, ?, ?, ?, 1, ?, ?) on conflict (id) do nothing""", s.name(), s.logoPng(), s.logoFileName(), who, now);
        } else {
            changed = jdbc.update("""
                    update shared.organisation_profile set name = ?, logo_png = ?, logo_file_name = ?,
                        version = version + 1, updated_by = ?, updated_at = ? where id = 1 and version = ?""", s.name(), s.logoPng(), s.logoFileName(), who, now, s.version());
        }
        cached = null;
        if (changed == 0) {
            throw new DomainRuleException(
                    "version",
                    "Someone else changed the organisation's settings meanwhile; "
                            + "reload to see their change, then make yours again.");
        }
    }

    /** The image decoded (which also proves it is one) and kept as a PNG no larger than the limit. */
    private static byte[] png(InspectedFile file) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.content()));
            if (image == null) {
                throw new DomainRuleException("logo", "\"" + file.name() + "\" could not be read as an image.");
            }
            double scale = Math.min(1.0, (double) LOGO_MAX_PIXELS / Math.max(image.getWidth(), image.getHeight()));
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            // opaque RGB on white: no transparency to carry into archival (PDF/A) reports
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(image, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new DomainRuleException("logo", "\"" + file.name() + "\" could not be read as an image.");
        }
    }
}
