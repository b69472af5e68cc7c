package dev.aegis.vendor;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.AssessmentReview.Item;
import dev.aegis.vendor.AssessmentReview.Review;
import dev.aegis.vendor.Questionnaire.RequirementRef;
import dev.aegis.vendor.ReviewEvents.FindingConfirmedAsRisk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shortfalls of an assessment and the risks they propose. An answer <em>falls short</em> when the question is shown
 * and scored (a yes/no or choice question with a weight above 0) and the answer scores below {@value #THRESHOLD} —
 * for a yes/no question whose "no" scores low, answering no. Each shortfall proposes one risk for every AI system that
 * depends on the vendor (category third party, bearing on the question's requirements); a vendor manager confirms
 * which become risks of the register, each once.
 */
@Service
@Transactional
public class ShortfallFindings {

    /** An answer scoring below this falls short. */
    public static final int THRESHOLD = 50;

    private final AssessmentService service;
    private final AssessmentReview review;
    private final FindingRisks confirmed;
    private final RiskService risks;
    private final FrameworkCatalog catalog;
    private final Vendors vendors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShortfallFindings(
            AssessmentService service,
            AssessmentReview review,
            FindingRisks confirmed,
            RiskService risks,
            FrameworkCatalog catalog,
            Vendors vendors,
            ApplicationEventPublisher events,
            Clock clock) {
        this.service = service;
        this.review = review;
        this.confirmed = confirmed;
        this.risks = risks;
        this.catalog = catalog;
        this.vendors = vendors;
        this.events = events;
        this.clock = clock;
    }

    /** An answer that falls short. */
    public record Finding(
            String questionId,
            String section,
            String question,
            String answer,
            int score,
            List<RequirementRef> requirements) {}

    /**
     * A risk a finding proposes for one dependent AI system; {@code riskId} is the risk it became, null while only
     * proposed.
     */
    public record ProposedRisk(
            String questionId,
            long systemId,
            String system,
            String title,
            String description,
            int score,
            List<RequirementRef> requirements,
            Long riskId) {

        public boolean confirmed() {
            return riskId != null;
        }

        public Key key() {
            return new Key(questionId, systemId);
        }
    }

    /** Which proposal: a finding's question and a system. */
    public record Key(String questionId, long systemId) {}

    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public List<Finding> findings(long id) {
        return findingsOf(review.review(id));
    }

    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public List<ProposedRisk> proposals(long id) {
        return proposalsOf(review.review(id));
    }

    /**
     * Raises the chosen proposals as risks of the register, in the caller's name; a proposal already confirmed is
     * left as it is, so confirming twice raises nothing new. Only once the vendor has submitted.
     */
    @PreAuthorize(VendorService.WRITERS)
    public List<ProposedRisk> confirm(long id, Collection<Key> chosen) {
        Review r = review.review(id);
        Assessment.State state = r.assessment().getState();
        if (state.open() || state == Assessment.State.DRAFT) {
            throw new DomainRuleException(
                    "state",
                    "Cannot confirm findings: the assessment is " + state.label() + "; wait for the vendor to submit.");
        }
        Set<Key> wanted = new LinkedHashSet<>(chosen);
        Vendor vendor = vendors.findById(r.assessment().getVendorId()).orElseThrow();
        List<ProposedRisk> raised = new ArrayList<>();
        for (ProposedRisk p : proposalsOf(r)) {
            if (!wanted.remove(p.key()) || p.confirmed()) {
                continue;
            }
            RiskDetails details = new RiskDetails(
                    p.title(),
                    p.description(),
                    Category.THIRD_PARTY,
                    Set.of(p.systemId()),
                    Set.of(),
                    requirementIds(p.requirements()),
                    likelihood(p),
                    impact(vendor),
                    null,
                    null);
            // a vendor manager does not raise risks in the register at large; this step has its own permission
            Risk risk = risks.raiseFromVendorShortfall(details);
            confirmed.saveAndFlush(
                    new FindingRisk(id, p.questionId(), p.systemId(), risk.getId(), Actors.current(), clock.instant()));
            events.publishEvent(new FindingConfirmedAsRisk(id, p.questionId(), p.systemId(), risk.getId()));
            raised.add(new ProposedRisk(
                    p.questionId(),
                    p.systemId(),
                    p.system(),
                    p.title(),
                    p.description(),
                    p.score(),
                    p.requirements(),
                    risk.getId()));
        }
        if (!wanted.isEmpty()) {
            throw new DomainRuleException(
                    "findings",
                    "No such finding to confirm: "
                            + wanted.stream()
                                    .map(k -> k.questionId() + " on system " + k.systemId())
                                    .collect(Collectors.joining(", "))
                            + ".");
        }
        return raised;
    }

    List<Finding> findingsOf(Review r) {
        List<Finding> findings = new ArrayList<>();
        for (Item item : r.items()) {
            if (item.shown() && item.score() != null && item.score() < THRESHOLD) {
                findings.add(new Finding(
                        item.question().id(),
                        item.section(),
                        item.question().text(),
                        item.answer(),
                        item.score(),
                        item.question().requirements()));
            }
        }
        return findings;
    }

    List<ProposedRisk> proposalsOf(Review r) {
        Map<Key, Long> done = confirmed.findByAssessmentId(r.assessment().getId()).stream()
                .collect(Collectors.toMap(f -> new Key(f.getQuestionId(), f.getSystemId()), FindingRisk::getRiskId));
        List<ProposedRisk> proposals = new ArrayList<>();
        for (Finding f : findingsOf(r)) {
            for (Map.Entry<Long, String> system : r.systems().entrySet()) {
                String title = clip(r.vendor() + ": " + f.question(), 200);
                String description = clip(
                        "Vendor assessment " + r.assessment().getId() + " of " + r.vendor() + " ("
                                + r.template() + ", version " + r.templateVersion() + "), section " + f.section()
                                + ": asked \""
                                + f.question() + "\", the vendor answered \"" + f.answer() + "\", which scores "
                                + f.score()
                                + " of 100 (below " + THRESHOLD + "). " + system.getValue()
                                + " depends on this vendor.",
                        4000);
                proposals.add(new ProposedRisk(
                        f.questionId(),
                        system.getKey(),
                        system.getValue(),
                        title,
                        description,
                        f.score(),
                        f.requirements(),
                        done.get(new Key(f.questionId(), system.getKey()))));
            }
        }
        return proposals;
    }

    /** A very poor answer (under 25) makes the risk likely (4), a poor one possible (3). */
    private static int likelihood(ProposedRisk p) {
        return p.score() < 25 ? 4 : 3;
    }

    /** The impact follows the vendor's criticality: low 2, medium 3, high 4, critical 5. */
    private static int impact(Vendor vendor) {
        return switch (vendor.getCriticality()) {
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private Set<Long> requirementIds(List<RequirementRef> refs) {
        return refs.stream()
                .map(ref -> catalog.find(ref.framework(), ref.ref()))
                .flatMap(java.util.Optional::stream)
                .map(r -> r.id())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
