package dev.aegis.evidence.pack;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A pack without an evidence register: no evidence items (the PDF says so). */
@org.springframework.stereotype.Component
final class NoPackEvidence implements PackEvidence {

    @Override
    public List<Item> forScope(Set<Long> controlIds, Set<Long> systemIds, Instant asOf) {
        return List.of();
    }

    @Override
    public InputStream content(long id, int version) {
        throw new IllegalStateException("There is no evidence register in this build");
    }
}
