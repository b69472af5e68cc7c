package dev.aegis.telemetry;

import dev.aegis.shared.StartupWork;
import dev.aegis.shared.crypto.SecretBox;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Telemetry sources' tokens at rest: sealed with {@link SecretBox} when given, opened only to call the source. At
 * start-up it seals every token still kept as plaintext (stored before telemetry V3) and seals again every token
 * sealed under a previous master key, so a rotation completes with one restart. Neither the token nor the key is
 * ever logged.
 */
@Component
@Order(40)
class SourceTokens implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceTokens.class);
    static final String PURPOSE = "telemetry.source.token";
    private final SecretBox secrets;
    private final JdbcTemplate jdbc;
    private final StartupWork startup;

    SourceTokens(SecretBox secrets, JdbcTemplate jdbc, StartupWork startup) {
        this.startup = startup;
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    /** The token as given, sealed; null for none. */
    SecretBox.Sealed seal(String token) {
        return token == null || token.isBlank() ? null : secrets.seal(token.strip(), PURPOSE);
    }

    /** The token to send to the source, or null when it has none (or its key is not configured: the call then fails). */
    String plain(TelemetrySource source) {
        SecretBox.Sealed sealed = source.sealedToken();
        if (sealed == null) {
            return null;
        }
        if (sealed.keyId() == null) {
            return sealed.ciphertext(); // stored before V3 and not sealed yet
        }
        try {
            return secrets.open(sealed, PURPOSE);
        } catch (SecretBox.SecretUnreadable e) {
            log.warn(
                    "The token of telemetry source '{}' cannot be opened: {} Enter the token again.",
                    source.getName(),
                    e.getMessage());
            return null;
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startup.run("sealing telemetry source tokens under the current master key", this::sealAll);
    }

    private void sealAll() {
        String current = secrets.currentKeyId();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, name, token, token_key from telemetry.source "
                        + "where token is not null and (token_key is null or token_key <> ?) for update",
                current);
        int sealed = 0;
        for (Map<String, Object> row : rows) {
            String keyId = (String) row.get("token_key");
            String plain;
            try {
                plain = keyId == null
                        ? (String) row.get("token")
                        : secrets.open(new SecretBox.Sealed(keyId, (String) row.get("token")), PURPOSE);
            } catch (SecretBox.SecretUnreadable e) {
                log.warn("The token of telemetry source '{}' cannot be opened: {}", row.get("name"), e.getMessage());
                continue;
            }
            SecretBox.Sealed again = secrets.seal(plain, PURPOSE);
            jdbc.update(
                    "update telemetry.source set token = ?, token_key = ? where id = ?",
                    again.ciphertext(),
                    again.keyId(),
                    row.get("id"));
            sealed++;
        }
        if (sealed > 0) {
            log.info("Sealed {} telemetry source token(s) under master key {}", sealed, current);
        }
    }
}
