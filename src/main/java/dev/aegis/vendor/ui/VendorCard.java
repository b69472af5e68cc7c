package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import dev.aegis.vendor.AssessmentBoard;
import dev.aegis.vendor.AssessmentCard;
import dev.aegis.vendor.Certification;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.VendorVocabulary;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.PageRequest;

/**
 * A vendor manager's dashboard: assessments overdue and due within 30 days (still awaiting the vendor or a draft),
 * vendors by risk tier, and certificates expired or expiring within 60 days.
 */
@org.springframework.stereotype.Component
class VendorCard implements DashboardCard {

    static final int DUE_DAYS = 30;
    static final int CERTIFICATE_DAYS = 60;
    static final int SHOWN = 6;
    private final AssessmentBoard board;
    private final VendorService vendors;
    private final Clock clock;

    VendorCard(AssessmentBoard board, VendorService vendors, Clock clock) {
        this.board = board;
        this.vendors = vendors;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("VENDOR_MANAGER");
    }

    @Override
    public Component render() {
        Div wrapper = new Div();
        wrapper.getStyle().set("display", "contents");
        wrapper.add(assessments(), tiers(), certificates());
        return wrapper;
    }

    private Div assessments() {
        LocalDate today = LocalDate.now(clock);
        // the same filters the board applies to the addresses these figures link to
        var overdue = board.cards(new AssessmentBoard.Filter(null, null, null, true), PageRequest.of(0, SHOWN));
        var due = board.cards(
                new AssessmentBoard.Filter(null, null, null, null, today, today.plusDays(DUE_DAYS)),
                PageRequest.of(0, SHOWN));
        Div card = CardParts.card("vendor-assessments-card", "Assessments due");
        card.add(
                CardParts.figure(overdue.getTotalElements(), "overdue", "assessments?overdue=true"),
                CardParts.figure(
                        due.getTotalElements(), "due within " + DUE_DAYS + " days", "assessments?due=" + DUE_DAYS),
                CardParts.basis("Drafts and assessments awaiting the vendor, by due date; overdue once the due date "
                        + "has passed"));
        UnorderedList list = CardParts.list("vendor-assessments-due");
        for (AssessmentCard a : concat(overdue.getContent(), due.getContent()).stream()
                .limit(SHOWN)
                .toList()) {
            list.add(CardParts.item(
                    a.route(),
                    a.vendorName() + " · " + a.templateTitle(),
                    (a.overdue() ? "overdue since " + a.overdueSince() + ", due " : "due ") + a.dueOn() + " · "
                            + a.state().label()));
        }
        if (overdue.isEmpty() && due.isEmpty()) {
            card.add(new Paragraph("No assessment is overdue or due within " + DUE_DAYS + " days."));
        } else {
            card.add(list);
        }
        card.add(new Anchor("assessments", "Open the assessments board"));
        return card;
    }

    private Div tiers() {
        Div card = CardParts.card("vendor-tiers-card", "Vendors by risk tier");
        Div bars = new Div();
        bars.addClassNames("aegis-bars");
        long total = 0;
        for (Level level : List.of(Level.CRITICAL, Level.HIGH, Level.MEDIUM, Level.LOW)) {
            long n = vendors.count(new VendorService.Filter(null, null, level, null, null, null));
            total += n;
            Span count = new Span(String.valueOf(n));
            count.addClassNames("aegis-badge");
            String href = "vendors?tier=" + level.name();
            Div row = new Div(new Anchor(href, VendorVocabulary.label(level)), new Anchor(href, count));
            row.addClassNames("aegis-band-row");
            bars.add(row);
        }
        card.add(
                CardParts.figure(total, total == 1 ? "vendor with a tier" : "vendors with a tier", "vendors"),
                CardParts.basis("Risk tier: the vendor's criticality raised or lowered by its latest assessment score"),
                bars,
                new Anchor("vendors", "Open the vendor register"));
        return card;
    }

    private Div certificates() {
        LocalDate today = LocalDate.now(clock);
        record Expiring(Vendor vendor, Certification certification) {}
        List<Expiring> expiring = new ArrayList<>();
        for (Vendor v : vendors.search(VendorService.Filter.none(), PageRequest.of(0, 500))
                .getContent()) {
            v.certificationsExpiringBy(today.plusDays(CERTIFICATE_DAYS)).forEach(c -> expiring.add(new Expiring(v, c)));
        }
        expiring.sort(Comparator.comparing(e -> e.certification().expiresOn()));
        Div card = CardParts.card("vendor-certificates-card", "Certificates expiring");
        if (expiring.isEmpty()) {
            card.add(
                    new Paragraph("No vendor certificate has expired or expires within " + CERTIFICATE_DAYS + " days."),
                    new Anchor("vendors", "Open the vendor register"));
            return card;
        }
        long expired = expiring.stream()
                .filter(e -> e.certification().expiresOn().isBefore(today))
                .count();
        long vendorsConcerned =
                expiring.stream().map(e -> e.vendor().getId()).distinct().count();
        card.add(
                CardParts.figure(
                        vendorsConcerned,
                        vendorsConcerned == 1 ? "vendor to chase" : "vendors to chase",
                        "vendors?certificates=expiring"),
                CardParts.basis(expired + " certificate" + (expired == 1 ? "" : "s") + " expired, "
                        + (expiring.size() - expired) + " expiring within " + CERTIFICATE_DAYS + " days"));
        UnorderedList list = CardParts.list("vendor-certificates");
        for (Expiring e : expiring.stream().limit(SHOWN).toList()) {
            long left = ChronoUnit.DAYS.between(today, e.certification().expiresOn());
            list.add(CardParts.item(
                    "vendors?q="
                            + java.net.URLEncoder.encode(e.vendor().getName(), java.nio.charset.StandardCharsets.UTF_8),
                    e.vendor().getName() + " · " + e.certification().kind().label(),
                    (left < 0 ? "expired " : "expires ") + e.certification().expiresOn()));
        }
        card.add(list, new Anchor("vendors?certificates=expiring", "Open these vendors"));
        return card;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
