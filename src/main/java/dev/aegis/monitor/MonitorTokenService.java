package dev.aegis.monitor;

import dev.aegis.monitor.MonitorEvents.MonitorTokenCreated;
import dev.aegis.monitor.MonitorEvents.MonitorTokenRevoked;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitor tokens: made by an administrator in Aegis (or given as AEGIS_MONITOR_TOKEN), shown once, stored hashed,
 * revocable. Any valid token may use the whole /monitor/v1 API, model endpoints included.
 */
@Service
@Transactional
@WhenMonitorEnabled
public class MonitorTokenService implements dev.aegis.shared.LocalMonitorTokens {

    static final String PREFIX = "aegm_";
    static final String ENV_TOKEN_NAME = "AEGIS_MONITOR_TOKEN";
    private static final Logger log = LoggerFactory.getLogger(MonitorTokenService.class);
    /** Ingestion sends many requests a second: a token's check is remembered briefly instead of read each time. */
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private final MonitorTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MonitorSettings settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    MonitorTokenService(MonitorTokens tokens, ApplicationEventPublisher events, Clock clock, MonitorSettings settings) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** The token as its maker sees it once, and never again. */
    public record IssuedToken(long id, String name, String token) {}

    private record Cached(Long tokenId, String name, Instant until) {}

    @PreAuthorize("hasRole('ADMIN')")
    public IssuedToken create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new DomainRuleException(
                    "name", "Name the token (up to 100 characters), e.g. after the model server that uses it.");
        }
        return issue(name.trim(), newTokenValue(), Actors.current());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<MonitorToken> list() {
        return tokens.findAllByOrderByCreatedAtDesc();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(long id) {
        MonitorToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("No monitor token " + id));
        token.revoke(clock.instant());
        cache.clear();
        events.publishEvent(new MonitorTokenRevoked(token.getId(), token.getName()));
    }

    /** The name of the token's holder if the token is known and not revoked. */
    public Optional<String> authenticate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(value.trim());
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.ofNullable(cached.name());
        }
        Optional<MonitorToken> token = tokens.findByTokenHash(hash).filter(t -> !t.isRevoked());
        token.ifPresent(t -> tokens.touch(t.getId(), now));
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(
                hash,
                new Cached(
                        token.map(MonitorToken::getId).orElse(null),
                        token.map(MonitorToken::getName).orElse(null),
                        now.plus(CACHE_FOR)));
        return token.map(MonitorToken::getName);
    }

    /** A token for the register in this same instance, which reaches its monitor over HTTP like any other. */
    @Override
    public String issueForRegister(String name) {
        return issue(name, newTokenValue(), Actors.SYSTEM).token();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerTokenFromEnvironment() {
        String value = settings.token();
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.trim().length() < 24) {
            log.warn("AEGIS_MONITOR_TOKEN is shorter than 24 characters and was not registered");
            return;
        }
        if (tokens.findByTokenHash(hash(value.trim())).isEmpty()) {
            issue(ENV_TOKEN_NAME, value.trim(), Actors.SYSTEM);
            log.info("Registered the monitor token given in AEGIS_MONITOR_TOKEN");
        }
    }

    private IssuedToken issue(String name, String value, String by) {
        MonitorToken token = tokens.save(new MonitorToken(
                name, hash(value), value.substring(0, Math.min(12, value.length())), by, clock.instant()));
        events.publishEvent(new MonitorTokenCreated(token.getId(), name));
        return new IssuedToken(token.getId(), name, value);
    }

    static String newTokenValue() {
        return SecretTokens.newValue(PREFIX);
    }

    static String hash(String value) {
        return SecretTokens.sha256(value);
    }
}
