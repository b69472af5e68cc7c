package dev.aegis.telemetry;

import dev.aegis.shared.crypto.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Where the register pulls telemetry from: an Aegis monitor (the embedded one, registered as {@value #EMBEDDED}, or a
 * stand-alone one) or a Prometheus server. Its token is kept to call the source and never shown again. Whether the
 * source answered lately is written by the client on every pull (not a user's change, so not versioned).
 */
@Entity
@Table(schema = "telemetry", name = "source")
public class TelemetrySource {

    /** The name of the monitor running in this same Aegis instance. */
    public static final String EMBEDDED = "embedded";

    public enum Kind {
        AEGIS_MONITOR,
        PROMETHEUS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "base_url")
    private String baseUrl;
    /** Sealed (docs/telemetry.md): base64 of IV and AES-GCM ciphertext; plaintext only while tokenKey is null. */
    private String token;

    @Column(name = "token_key")
    private String tokenKey;

    @Column(name = "last_success_at", insertable = false, updatable = false)
    private Instant lastSuccessAt;

    @Column(name = "failing_since", insertable = false, updatable = false)
    private Instant failingSince;

    @Column(name = "last_error", insertable = false, updatable = false)
    private String lastError;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected TelemetrySource() {}

    TelemetrySource(
            String name, Kind kind, String baseUrl, SecretBox.Sealed token, String createdBy, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.baseUrl = baseUrl;
        replaceToken(token);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Changes kind and address; a null {@code newToken} keeps the token the source has. */
    void change(Kind kind, String baseUrl, SecretBox.Sealed newToken) {
        this.kind = kind;
        this.baseUrl = baseUrl;
        if (newToken != null) {
            replaceToken(newToken);
        }
    }

    private void replaceToken(SecretBox.Sealed sealed) {
        this.token = sealed == null ? null : sealed.ciphertext();
        this.tokenKey = sealed == null ? null : sealed.keyId();
    }

    /** The credential as kept (see {@link SourceTokens}); package-private so neither a screen nor the API can show it. */
    SecretBox.Sealed sealedToken() {
        return hasToken() ? new SecretBox.Sealed(tokenKey, token) : null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    public Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public String getLastError() {
        return lastError;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
