package dev.aegis.vendor;

import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A vendor of AI services. Every change is in the audit log with its before and after. The tier follows from the
 * criticality and, once an assessment is approved, its score ({@link VendorVocabulary#tier}); it is stored so the
 * database filters and sorts by it.
 */
@Entity
@Audited
@Table(schema = "vendor", name = "vendor")
public class Vendor {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String services;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "vendor", name = "vendor_ai_product", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "product")
    private Set<String> aiProducts = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "vendor", name = "vendor_contact", joinColumns = @JoinColumn(name = "vendor_id"))
    @OrderColumn(name = "position")
    private List<Contact> contacts = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private Level criticality;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            schema = "vendor",
            name = "vendor_processing_country",
            joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "country")
    private Set<String> processingCountries = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "vendor", name = "vendor_storage_country", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "country")
    private Set<String> storageCountries = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "vendor", name = "vendor_sub_processor", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "sub_processor")
    private Set<String> subProcessors = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "dpa_status")
    private DpaStatus dpaStatus;

    @Column(name = "dpa_signed_on")
    private LocalDate dpaSignedOn;

    @Column(name = "meets_gdpr")
    private boolean meetsGdpr;

    @Column(name = "meets_ccpa")
    private boolean meetsCcpa;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "vendor", name = "vendor_certification", joinColumns = @JoinColumn(name = "vendor_id"))
    private Set<Certification> certifications = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "vendor", name = "vendor_system", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "system_id")
    private Set<Long> systems = new HashSet<>();

    @Column(name = "risk_score")
    private Integer riskScore;

    @Enumerated(EnumType.STRING)
    private Level tier;

    private String notes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "reassessment_interval")
    private ReassessmentInterval reassessmentInterval;

    protected Vendor() {}

    Vendor(Instant now) {
        this.createdAt = now;
    }

    /**
     * Takes the stated details. A signed agreement has the date it was signed, not in the future; countries are ISO
     * 3166-1 alpha-2 codes; each certification appears once.
     */
    void describe(VendorDetails d, LocalDate today, Instant now) {
        if (d.dpaStatus() == DpaStatus.SIGNED && d.dpaSignedOn() == null) {
            throw new DomainRuleException("dpaSignedOn", "Give the date the data processing agreement was signed.");
        }
        if (d.dpaSignedOn() != null && d.dpaSignedOn().isAfter(today)) {
            throw new DomainRuleException("dpaSignedOn", "An agreement is signed on a day that has come.");
        }
        Set<CertificationType> kinds = new HashSet<>();
        for (Certification c : orEmpty(d.certifications())) {
            if (!kinds.add(c.kind())) {
                throw new DomainRuleException(
                        "certifications",
                        c.kind().label() + " is listed twice; keep the " + "certificate that is in force.");
            }
        }
        name = d.name().trim();
        services = blank(d.services());
        replace(aiProducts, trimmed(d.aiProducts()));
        contacts.clear();
        orEmpty(d.contacts()).forEach(c -> contacts.add(c.normalised()));
        criticality = d.criticality();
        replace(processingCountries, countries("processingCountries", d.processingCountries()));
        replace(storageCountries, countries("storageCountries", d.storageCountries()));
        replace(subProcessors, trimmed(d.subProcessors()));
        dpaStatus = d.dpaStatus();
        dpaSignedOn = d.dpaStatus() == DpaStatus.NONE ? null : d.dpaSignedOn();
        meetsGdpr = d.meetsGdpr();
        meetsCcpa = d.meetsCcpa();
        replace(certifications, orEmpty(d.certifications()));
        replace(systems, d.systems() == null ? Set.of() : d.systems());
        notes = blank(d.notes());
        tier = VendorVocabulary.tier(criticality, riskScore);
        updatedAt = now;
    }

    /** An approved assessment scored the vendor (0–100, higher is better); the tier follows. */
    void scored(int score, Instant now) {
        if (score < 0 || score > 100) {
            throw new DomainRuleException("riskScore", "A score runs from 0 to 100.");
        }
        riskScore = score;
        tier = VendorVocabulary.tier(criticality, riskScore);
        updatedAt = now;
    }

    /** Chooses how often the vendor is assessed again after an approval; null follows its criticality. */
    void reassessEvery(ReassessmentInterval interval, Instant now) {
        reassessmentInterval = interval;
        updatedAt = now;
    }

    /** The interval the vendor follows: the one chosen, else the default of its criticality. */
    public ReassessmentInterval reassessmentInterval() {
        return reassessmentInterval != null ? reassessmentInterval : ReassessmentInterval.defaultFor(criticality);
    }

    /** The interval chosen for this vendor, or null when it follows its criticality. */
    public ReassessmentInterval getChosenReassessmentInterval() {
        return reassessmentInterval;
    }

    /** The certifications that expire on or before the given day. */
    public List<Certification> certificationsExpiringBy(LocalDate day) {
        return certifications.stream()
                .filter(c -> !c.expiresOn().isAfter(day))
                .sorted(java.util.Comparator.comparing(Certification::expiresOn))
                .toList();
    }

    public VendorDetails details() {
        return new VendorDetails(
                name,
                services,
                Set.copyOf(aiProducts),
                List.copyOf(contacts),
                criticality,
                Set.copyOf(processingCountries),
                Set.copyOf(storageCountries),
                Set.copyOf(subProcessors),
                dpaStatus,
                dpaSignedOn,
                meetsGdpr,
                meetsCcpa,
                certifications.stream()
                        .sorted(java.util.Comparator.comparing(Certification::kind))
                        .toList(),
                Set.copyOf(systems),
                notes);
    }

    private static Set<String> countries(String field, Set<String> codes) {
        Set<String> result = new TreeSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(c)) {
                throw new DomainRuleException(field, "“" + code + "” is not an ISO 3166-1 country code (e.g. DE, US).");
            }
            result.add(c);
        }
        return result;
    }

    private static Set<String> trimmed(Set<String> values) {
        Set<String> result = new TreeSet<>();
        for (String v : values == null ? Set.<String>of() : values) {
            if (v != null && !v.isBlank()) {
                result.add(v.trim());
            }
        }
        return result;
    }

    private static <T> void replace(Set<T> target, Collection<T> values) {
        target.clear();
        target.addAll(values);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Level getCriticality() {
        return criticality;
    }

    public Level getTier() {
        return tier;
    }

    public Integer getRiskScore() {
        return riskScore;
    }

    public DpaStatus getDpaStatus() {
        return dpaStatus;
    }

    public boolean meetsGdpr() {
        return meetsGdpr;
    }

    public boolean meetsCcpa() {
        return meetsCcpa;
    }

    public Set<Long> getSystems() {
        return Set.copyOf(systems);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
