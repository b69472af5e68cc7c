package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.evidence.EvidenceEvents.EvidenceVersionAdded;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * An item's versions: the next one added (the item advances to it and needs a new review), a version found by number,
 * its stored bytes. The evidence services' part for versions; the permission checks are theirs.
 */
@Component
class EvidenceVersioning {

    private final EvidenceItems items;
    private final EvidenceVersions versions;
    private final EvidenceFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceVersioning(
            EvidenceItems items,
            EvidenceVersions versions,
            EvidenceFiles files,
            ApplicationEventPublisher events,
            Clock clock) {
        this.items = items;
        this.versions = versions;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    @FunctionalInterface
    interface NextVersion {
        EvidenceVersion make(int number, Instant at);
    }

    /** Keeps an item's first version and announces it. */
    EvidenceVersion first(EvidenceVersion v) {
        EvidenceVersion saved = versions.saveAndFlush(v);
        events.publishEvent(versionAdded(saved));
        return saved;
    }

    EvidenceVersion nextVersion(EvidenceItem item, Dates dates, NextVersion make) {
        Instant now = clock.instant();
        int number = item.getCurrentVersion() + 1;
        EvidenceVersion v = versions.saveAndFlush(make.make(number, now));
        item.advanceTo(number, dates, now);
        items.saveAndFlush(item);
        events.publishEvent(versionAdded(v));
        return v;
    }

    private static EvidenceVersionAdded versionAdded(EvidenceVersion v) {
        return new EvidenceVersionAdded(
                v.getItemId(),
                v.getNumber(),
                v.getFileName(),
                v.getMediaType(),
                v.getSize(),
                v.getSha256(),
                v.getUrl());
    }

    EvidenceVersion version(long id, int number) {
        return versions.findByItemIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("No version " + number + " of evidence " + id));
    }

    InputStream bytesOf(EvidenceVersion v) {
        if (v.getRecord() != null) {
            return new ByteArrayInputStream(v.getRecord().getBytes(StandardCharsets.UTF_8));
        }
        if (v.getSha256() == null) {
            throw new DomainRuleException(
                    "version", "Version " + v.getNumber() + " is a link, not a file: open " + v.getUrl() + ".");
        }
        return files.open(v.getStorage(), v.getSha256());
    }
}
