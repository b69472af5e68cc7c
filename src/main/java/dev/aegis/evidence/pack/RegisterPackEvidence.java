package dev.aegis.evidence.pack;

import dev.aegis.evidence.EvidenceHistory;
import dev.aegis.evidence.EvidenceRecord;
import dev.aegis.evidence.EvidenceService;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The evidence register as packs read it: {@link EvidenceHistory#forScope} and {@link EvidenceService#content}. */
@Component
class RegisterPackEvidence implements PackEvidence {

    private final EvidenceHistory history;
    private final EvidenceService evidence;

    RegisterPackEvidence(EvidenceHistory history, EvidenceService evidence) {
        this.history = history;
        this.evidence = evidence;
    }

    @Override
    public List<Item> forScope(Set<Long> controlIds, Set<Long> systemIds, Instant asOf) {
        return history.forScope(controlIds, systemIds, asOf).stream()
                .map(RegisterPackEvidence::item)
                .toList();
    }

    @Override
    public InputStream content(long id, int version) {
        return evidence.content(id, version);
    }

    private static Item item(EvidenceRecord r) {
        return new Item(
                r.id(),
                r.version(),
                r.title(),
                r.kind().name(),
                r.owner(),
                r.collectedOn(),
                r.effectiveFrom(),
                r.effectiveTo(),
                r.expiresOn(),
                r.reviewedBy(),
                r.fileName(),
                r.mediaType(),
                r.size(),
                r.sha256(),
                r.url(),
                r.controlIds(),
                r.requirementIds(),
                r.systemIds());
    }
}
