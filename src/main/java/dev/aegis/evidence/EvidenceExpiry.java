package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceService.Filter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence that runs out: what has expired or expires within the warning window ({@code
 * aegis.evidence.expiry-warning-days}), for the dashboard and the owners' cards. The owners are warned by
 * {@link ExpiryWarnings}.
 */
@Service
public class EvidenceExpiry {

    private final EvidenceItems items;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int warningDays;

    EvidenceExpiry(
            EvidenceItems items,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${aegis.evidence.expiry-warning-days:30}") int warningDays) {
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
        this.warningDays = warningDays;
    }

    /** How many items have expired and how many expire within the warning window, for the dashboard. */
    public record ExpiryFigures(long expired, long expiring, int windowDays) {}

    /** Expired and expiring evidence (the current version expires within the warning window), soonest first. */
    @PreAuthorize(EvidenceService.READERS)
    @Transactional(readOnly = true)
    public List<EvidenceItem> dueForRenewal(int limit) {
        Filter f = new Filter(null, null, null, null, true);
        return items.findAll(
                        EvidenceService.specification(f, LocalDate.now(clock).plusDays(warningDays)),
                        PageRequest.of(
                                0, Math.max(1, limit), Sort.by("expiresOn").and(Sort.by("id"))))
                .getContent();
    }

    @PreAuthorize(EvidenceService.READERS)
    @Transactional(readOnly = true)
    public ExpiryFigures expiryFigures() {
        LocalDate today = LocalDate.now(clock);
        Long expired = jdbc.queryForObject(
                "select count(*) from evidence.evidence_item where expires_on <= ?", Long.class, today);
        Long soon = jdbc.queryForObject(
                "select count(*) from evidence.evidence_item where expires_on > ? and expires_on <= ?",
                Long.class,
                today,
                today.plusDays(warningDays));
        return new ExpiryFigures(expired == null ? 0 : expired, soon == null ? 0 : soon, warningDays);
    }

    /** How many days ahead an expiry counts as coming (aegis.evidence.expiry-warning-days). */
    public int warningDays() {
        return warningDays;
    }
}
