package dev.aegis.evidence.pack;

import dev.aegis.finding.FindingService;
import dev.aegis.finding.FindingVocabulary.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The pack's findings section from the findings register: the findings of the scope that were open (open or under
 * investigation) at the as-of moment. A finding is open at that moment when it was first seen by then and was not
 * closed (resolved or accepted) at that moment: closed since before it and not reopened in between.
 */
@Component
class RegisterPackFindings implements PackFindings {

    private static final int PAGE = 500;
    private final FindingService findings;

    RegisterPackFindings(FindingService findings) {
        this.findings = findings;
    }

    @Override
    public List<PackFindings.Finding> openAt(Set<Long> systemIds, Instant at) {
        List<PackFindings.Finding> open = new ArrayList<>();
        if (systemIds == null || systemIds.isEmpty()) {
            collect(FindingService.Filter.none(), at, open);
        } else {
            for (long system : systemIds) {
                collect(FindingService.Filter.ofSystem(system), at, open);
            }
        }
        open.sort(Comparator.comparing(PackFindings.Finding::reference));
        return open;
    }

    private void collect(FindingService.Filter filter, Instant at, List<PackFindings.Finding> into) {
        int page = 0;
        Page<dev.aegis.finding.Finding> found;
        do {
            found = findings.search(filter, PageRequest.of(page++, PAGE, Sort.by("id")));
            for (dev.aegis.finding.Finding f : found) {
                if (wasOpenAt(f, at)) {
                    into.add(new PackFindings.Finding(
                            "F-" + f.getId(),
                            f.getTitle(),
                            f.getSeverity().name(),
                            f.getState() == State.INVESTIGATING && !closedAt(f, at) ? "INVESTIGATING" : "OPEN"));
                }
            }
        } while (found.hasNext());
    }

    static boolean wasOpenAt(dev.aegis.finding.Finding f, Instant at) {
        if (f.getFirstSeen() == null || f.getFirstSeen().isAfter(at)) {
            return false;
        }
        return !closedAt(f, at);
    }

    /** Closed at that moment: the latest closure happened by then, and no reopening came between it and then. */
    private static boolean closedAt(dev.aegis.finding.Finding f, Instant at) {
        Instant closed = latest(f.getResolvedAt(), f.getAcceptedAt());
        if (closed == null || closed.isAfter(at)) {
            return false;
        }
        Instant reopened = f.getReopenedAt();
        boolean reopenedSince = reopened != null && reopened.isAfter(closed) && !reopened.isAfter(at);
        return !reopenedSince;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
