package dev.aegis.vendor;

import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.vendor.VendorEvents.VendorChanged;
import dev.aegis.vendor.VendorEvents.VendorRegistered;
import dev.aegis.vendor.VendorEvents.VendorRemoved;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor register. Vendor managers and administrators register, change and remove vendors; governance officers
 * and auditors read. Every change names the version it was made against, so a stale copy is refused instead of
 * overwriting someone else's change.
 */
@Service
@Transactional
public class VendorService {

    /** The system actor's permission to read vendors (the evidence module filing assessment decisions). */
    public static final String SYSTEM_READ = "SYSTEM:vendor.read";
    /**
     * The system actor's permission to keep the assessment calendar: reminders, overdue flags, reassessments started,
     * certificate warnings ({@link AssessmentReminders}).
     */
    public static final String SYSTEM_CALENDAR = "SYSTEM:vendor.calendar";
    /** Who keeps the calendar: the system on its schedule, an administrator by hand. */
    static final String CALENDAR_KEEPERS = "hasRole('ADMIN') or hasAuthority('" + SYSTEM_CALENDAR + "')";

    static final String READERS =
            "hasAnyRole('ADMIN','VENDOR_MANAGER','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('" + SYSTEM_READ
                    + "')";
    static final String WRITERS = "hasAnyRole('ADMIN','VENDOR_MANAGER')";
    private final Vendors vendors;
    private final AiSystemService systems;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VendorService(Vendors vendors, AiSystemService systems, ApplicationEventPublisher events, Clock clock) {
        this.vendors = vendors;
        this.systems = systems;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Filters for the register; null or blank means any. {@code country} matches vendors that process or store data in
     * that country; {@code system} matches vendors that system depends on; {@code certificateExpiringBy} matches vendors
     * with a certificate expired or expiring on or before that day.
     */
    public record Filter(
            String text,
            Level criticality,
            Level tier,
            DpaStatus dpaStatus,
            String country,
            Long system,
            LocalDate certificateExpiringBy) {

        public Filter(String text, Level criticality, Level tier, DpaStatus dpaStatus, String country, Long system) {
            this(text, criticality, tier, dpaStatus, country, system, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Vendor> search(Filter filter, Pageable page) {
        return vendors.findAll(specification(filter), page);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return vendors.count(specification(filter));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Vendor get(long id) {
        return vendors.findById(id).orElseThrow(() -> new NotFoundException("No vendor " + id));
    }

    @PreAuthorize(WRITERS)
    public Vendor register(VendorDetails details) {
        requireUniqueName(details.name(), null);
        requireSystems(details);
        Vendor vendor = new Vendor(clock.instant());
        vendor.describe(details, LocalDate.now(clock), clock.instant());
        vendors.saveAndFlush(vendor);
        events.publishEvent(new VendorRegistered(vendor.getId(), vendor.getName()));
        return vendor;
    }

    @PreAuthorize(WRITERS)
    public Vendor update(long id, long expectedVersion, VendorDetails details) {
        Vendor vendor = current(id, expectedVersion);
        requireUniqueName(details.name(), id);
        requireSystems(details);
        vendor.describe(details, LocalDate.now(clock), clock.instant());
        vendors.saveAndFlush(vendor);
        events.publishEvent(new VendorChanged(id, vendor.getName()));
        return vendor;
    }

    @PreAuthorize(WRITERS)
    public void remove(long id, long expectedVersion) {
        Vendor vendor = current(id, expectedVersion);
        vendors.delete(vendor);
        vendors.flush();
        events.publishEvent(new VendorRemoved(id, vendor.getName()));
    }

    /** Whether the signed-in user may change vendors (for the screens; the service checks again). */
    @PreAuthorize(READERS)
    public boolean mayManage() {
        return dev.aegis.shared.Actors.hasAnyRole("ADMIN", "VENDOR_MANAGER");
    }

    /** The AI systems a vendor can be linked to, by id, with their names (for the screens). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> systemNames() {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        systems.search(
                        AiSystemService.Filter.none(),
                        org.springframework.data.domain.PageRequest.of(
                                0, 2000, org.springframework.data.domain.Sort.by("name")))
                .forEach(s -> names.put(s.getId(), s.getName()));
        return names;
    }

    private Vendor current(long id, long expectedVersion) {
        Vendor vendor = get(id);
        if (vendor.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Vendor.class, id);
        }
        return vendor;
    }

    private void requireUniqueName(String name, Long self) {
        vendors.idByName(name.trim()).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw new DomainRuleException("name", "There is already a vendor named " + name.trim() + ".");
        });
    }

    private void requireSystems(VendorDetails details) {
        for (Long id : details.systems() == null ? List.<Long>of() : details.systems()) {
            try {
                systems.get(id);
            } catch (NotFoundException e) {
                throw new DomainRuleException("systems", "There is no AI system " + id + ".");
            }
        }
    }

    private static Specification<Vendor> specification(Filter f) {
        List<Specification<Vendor>> parts = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().trim().toLowerCase(Locale.ROOT) + "%";
            parts.add((v, q, cb) ->
                    cb.or(cb.like(cb.lower(v.get("name")), like), cb.like(cb.lower(v.get("services")), like)));
        }
        if (f.criticality() != null) {
            parts.add((v, q, cb) -> cb.equal(v.get("criticality"), f.criticality()));
        }
        if (f.tier() != null) {
            parts.add((v, q, cb) -> cb.equal(v.get("tier"), f.tier()));
        }
        if (f.dpaStatus() != null) {
            parts.add((v, q, cb) -> cb.equal(v.get("dpaStatus"), f.dpaStatus()));
        }
        if (f.country() != null && !f.country().isBlank()) {
            String country = f.country().trim().toUpperCase(Locale.ROOT);
            parts.add((v, q, cb) -> cb.or(
                    member(v, q, cb, "processingCountries", country), member(v, q, cb, "storageCountries", country)));
        }
        if (f.system() != null) {
            parts.add((v, q, cb) -> member(v, q, cb, "systems", f.system()));
        }
        if (f.certificateExpiringBy() != null) {
            // a certificate expired or expiring by that day, as the dashboard and the certificate watch count them
            parts.add((v, q, cb) -> {
                Subquery<Integer> sq = q.subquery(Integer.class);
                Root<Vendor> same = sq.correlate(v);
                Join<Vendor, Certification> c = same.join("certifications");
                return cb.exists(sq.select(cb.literal(1))
                        .where(cb.lessThanOrEqualTo(c.<LocalDate>get("expiresOn"), f.certificateExpiringBy())));
            });
        }
        return Specification.allOf(parts);
    }

    private static jakarta.persistence.criteria.Predicate member(
            Root<Vendor> v,
            jakarta.persistence.criteria.CriteriaQuery<?> q,
            jakarta.persistence.criteria.CriteriaBuilder cb,
            String collection,
            Object value) {
        Subquery<Integer> sq = q.subquery(Integer.class);
        Root<Vendor> same = sq.correlate(v);
        Join<Vendor, Object> element = same.join(collection);
        return cb.exists(sq.select(cb.literal(1)).where(cb.equal(element, value)));
    }
}
