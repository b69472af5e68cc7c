package dev.aegis.audit;

import dev.aegis.shared.OrganisationProfile;
import dev.aegis.shared.SecretTokens;
import dev.aegis.shared.StartupWork;
import dev.aegis.shared.crypto.OrganisationKey;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the audit log's hash chain: the head (last entry id, entry count, hash) and the time, signed
 * with the organisation's key daily, at start-up when the last is older than a day, and for every evidence pack
 * (which carries it). Each checkpoint also names the SHA-256 of the one before, so a removed checkpoint shows. Someone
 * who rewrites a row and recomputes every later hash cannot sign again: {@link AuditLog#verify} then finds the chain
 * contradicting a checkpoint, and an auditor finds it contradicting the checkpoint in a pack handed over earlier.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final String FORMAT = "aegis-audit-checkpoint/1";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JdbcTemplate jdbc;
    private final OrganisationKey key;
    private final OrganisationProfile organisation;
    private final Clock clock;
    private final Set<String> previousKeys;
    private final StartupWork startup;

    AuditCheckpoints(
            JdbcTemplate jdbc,
            OrganisationKey key,
            OrganisationProfile organisation,
            Clock clock,
            @Value("${aegis.signing.previous-fingerprints:}") List<String> previousKeys,
            StartupWork startup) {
        this.startup = startup;
        this.jdbc = jdbc;
        this.key = key;
        this.organisation = organisation;
        this.clock = clock;
        this.previousKeys = previousKeys.stream()
                .map(f -> f.strip().toLowerCase(Locale.ROOT).replace(":", ""))
                .filter(f -> !f.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why a checkpoint was signed. */
    public enum Reason {
        DAILY,
        START,
        PACK,
        MANUAL
    }

    /**
     * One signed checkpoint. {@code payload} is the exact JSON that was signed ({@code audit-checkpoint.json} in a
     * pack), {@code signature} its detached signature ({@code audit-checkpoint.json.sig}).
     */
    public record Checkpoint(
            long id,
            long sequence,
            long entries,
            String hash,
            Instant signedAt,
            Reason reason,
            String payload,
            byte[] signature,
            String certificatePem,
            String keyFingerprint) {}

    /** Signs the chain's head now, in a transaction of its own (a pack build's transaction does not hold the chain). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Checkpoint sign(Reason reason) {
        jdbc.queryForObject(
                "select pg_advisory_xact_lock(?)::text",
                String.class,
                AuditLog.CHAIN_LOCK); // the head does not move while it is read
        List<Map<String, Object>> head = jdbc.queryForList(
                "select id, hash, (select count(*) from audit.audit_entry) as entries from audit.audit_entry "
                        + "order by id desc limit 1");
        long sequence = head.isEmpty() ? 0 : ((Number) head.getFirst().get("id")).longValue();
        String hash =
                head.isEmpty() ? AuditChain.GENESIS : (String) head.getFirst().get("hash");
        long entries = head.isEmpty() ? 0 : ((Number) head.getFirst().get("entries")).longValue();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String previous =
                jdbc
                        .queryForList("select payload from audit.checkpoint order by id desc limit 1", String.class)
                        .stream()
                        .findFirst()
                        .map(AuditCheckpoints::sha256)
                        .orElse(null);

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("format", FORMAT);
        content.put("organisation", organisation.name());
        content.put("sequence", sequence);
        content.put("entries", entries);
        content.put("hash", hash);
        content.put("signedAt", at.toString());
        content.put("reason", reason.name());
        content.put("previousCheckpointSha256", previous);
        content.put("keyFingerprint", key.fingerprint());
        content.put(
                "meaning",
                "The audit log's entry " + sequence + " (of " + entries + ") had this hash at signedAt; "
                        + "every earlier entry is covered by it through the hash chain.");
        String payload = JSON.writeValueAsString(content) + "\n";
        byte[] signature = key.sign(payload.getBytes(StandardCharsets.UTF_8));
        String certificate = key.certificatePem();
        Long id = jdbc.queryForObject(
                "insert into audit.checkpoint (sequence, entries, head_hash, signed_at, reason, "
                        + "payload, signature, certificate, key_fingerprint) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                sequence,
                entries,
                hash,
                Timestamp.from(at),
                reason.name(),
                payload,
                Base64.getEncoder().encodeToString(signature),
                certificate,
                key.fingerprint());
        log.info("Signed audit checkpoint #{} ({}): entry {} of {}, hash {}", id, reason, sequence, entries, hash);
        return new Checkpoint(
                id, sequence, entries, hash, at, reason, payload, signature, certificate, key.fingerprint());
    }

    /** The daily checkpoint; one instance signs it (ShedLock). */
    @Scheduled(cron = "${aegis.audit.checkpoint-cron:0 10 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT10M")
    public void daily() {
        sign(Reason.DAILY);
    }

    /** At start-up: makes the signing key on a first start, and signs when the last checkpoint is a day old or more. */
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        startup.run("the start-up audit checkpoint", this::signIfDue);
    }

    private void signIfDue() {
        try {
            Optional<Checkpoint> last = latest();
            if (last.isEmpty() || last.get().signedAt().isBefore(clock.instant().minus(Duration.ofDays(1)))) {
                sign(Reason.START);
            }
        } catch (RuntimeException e) {
            // Aegis still starts (e.g. with its database away for a moment); the daily job and the next pack sign
            log.warn("No audit checkpoint signed at start-up: {}", e.getMessage());
        }
    }

    @Transactional(readOnly = true)
    public Optional<Checkpoint> latest() {
        return jdbc.query(SELECT + " order by id desc limit 1", ROW).stream().findFirst();
    }

    /** Every checkpoint, oldest first. */
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public List<Checkpoint> all() {
        return jdbc.query(SELECT + " order by id", ROW);
    }

    /**
     * What is wrong with a checkpoint by itself, or null when nothing is: its signature must verify against its
     * certificate, that certificate must hold the organisation's key (a checkpoint signed by any other key, however
     * valid its signature, is someone else's), and its payload must say what its columns say.
     */
    String problemWith(Checkpoint c) {
        if (!OrganisationKey.verify(c.certificatePem(), c.payload().getBytes(StandardCharsets.UTF_8), c.signature())) {
            return "Checkpoint #" + c.id() + "'s signature does not verify: it was altered after signing.";
        }
        String signer = OrganisationKey.fingerprintOf(c.certificatePem());
        if (!isOrganisationKey(signer)) {
            return "Checkpoint #" + c.id() + " was signed by the key with fingerprint " + signer
                    + ", not by the organisation's key (fingerprint " + key.fingerprint()
                    + "): the fingerprints do not match, so Aegis did not sign it.";
        }
        JsonNode p = JSON.readTree(c.payload());
        if (p.path("sequence").asLong(-1) != c.sequence()
                || !c.hash().equals(p.path("hash").asString(""))
                || !signer.equals(p.path("keyFingerprint").asString(""))) {
            return "Checkpoint #" + c.id() + "'s stored head differs from the head it signed.";
        }
        return null;
    }

    /**
     * Whether a checkpoint handed over earlier (e.g. a pack's audit-checkpoint.json) names the organisation's key as its
     * signer; when not, why not. The signature itself is the auditor's to check with openssl against the pack's
     * signer.pem, whose fingerprint the pack's README tells them to compare with the About page.
     */
    Optional<String> keyMismatch(String payload) {
        String named;
        try {
            named = JSON.readTree(payload).path("keyFingerprint").asString("");
        } catch (RuntimeException e) {
            named = "";
        }
        return isOrganisationKey(named)
                ? Optional.empty()
                : Optional.of("The checkpoint names the signing key with fingerprint "
                        + (named.isEmpty() ? "(none)" : named) + ", not the organisation's key (fingerprint "
                        + key.fingerprint() + "): the fingerprints do not match, so Aegis did not sign it.");
    }

    /** The organisation's key now, or one it signed with before a rotation ({@code AEGIS_SIGNING_PREVIOUS_FINGERPRINTS}). */
    private boolean isOrganisationKey(String fingerprint) {
        return key.fingerprint().equals(fingerprint) || previousKeys.contains(fingerprint);
    }

    /** The SHA-256 of the checkpoint before, as {@code c} signed it (null for the first). */
    static String previousOf(Checkpoint c) {
        JsonNode p = JSON.readTree(c.payload()).path("previousCheckpointSha256");
        return p.isString() ? p.asString() : null;
    }

    /** Reads a checkpoint's signed JSON (e.g. a pack's audit-checkpoint.json): its entry id and hash. */
    static Optional<Map.Entry<Long, String>> head(String payload) {
        try {
            JsonNode p = JSON.readTree(payload);
            if (!FORMAT.equals(p.path("format").asString(""))
                    || !p.path("sequence").canConvertToLong()
                    || p.path("hash").asString("").length() != 64) {
                return Optional.empty();
            }
            return Optional.of(
                    Map.entry(p.path("sequence").asLong(), p.path("hash").asString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String sha256(String text) {
        return SecretTokens.sha256(text);
    }

    private static final String SELECT =
            "select id, sequence, entries, head_hash, signed_at, reason, payload, signature, "
                    + "certificate, key_fingerprint from audit.checkpoint";

    private static final RowMapper<Checkpoint> ROW = (rs, n) -> new Checkpoint(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getString(4),
            rs.getTimestamp(5).toInstant(),
            Reason.valueOf(rs.getString(6)),
            rs.getString(7),
            Base64.getDecoder().decode(rs.getString(8)),
            rs.getString(9),
            rs.getString(10));
}
