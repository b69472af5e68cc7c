package dev.aegis.evidence;

import dev.aegis.control.ControlService;
import dev.aegis.evidence.EvidenceEvents.EvidenceExported;
import dev.aegis.evidence.EvidenceService.Filter;
import dev.aegis.evidence.EvidenceService.Links;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evidence register as CSV or XLSX: every item matching a filter in its current version, with its links. */
@Service
public class EvidenceExport {

    private final EvidenceService register;
    private final EvidenceItems items;
    private final EvidenceVersions versions;
    private final EvidenceLinking linking;
    private final ControlService controls;
    private final AiSystemService systems;
    private final ApplicationEventPublisher events;

    EvidenceExport(
            EvidenceService register,
            EvidenceItems items,
            EvidenceVersions versions,
            EvidenceLinking linking,
            ControlService controls,
            AiSystemService systems,
            ApplicationEventPublisher events) {
        this.register = register;
        this.items = items;
        this.versions = versions;
        this.linking = linking;
        this.controls = controls;
        this.systems = systems;
        this.events = events;
    }

    /** The columns of the register's CSV and XLSX export. */
    static final List<String> COLUMNS = List.of(
            "id",
            "title",
            "kind",
            "owner",
            "version",
            "collected_on",
            "effective_from",
            "effective_to",
            "expires_on",
            "reviewed_by",
            "reviewed_at",
            "file_name",
            "media_type",
            "size",
            "sha256",
            "url",
            "controls",
            "requirements",
            "systems");

    /**
     * Writes every item matching the filter in its current version, {@value #EXPORT_PAGE} at a time in id order, with
     * the names of the controls and AI systems it is linked to, and records the export in the audit log. Returns the
     * number of rows.
     */
    @PreAuthorize(EvidenceService.READERS)
    @Transactional
    public long export(Filter filter, TabularFormat format, OutputStream out) {
        long rows = 0;
        try (TableWriter writer = TableWriter.open(format, out, COLUMNS)) {
            Long after = null;
            List<EvidenceItem> page;
            do {
                Long last = after;
                Specification<EvidenceItem> spec = register.filtered(filter);
                if (last != null) {
                    spec = spec.and((r, q, cb) -> cb.greaterThan(r.get("id"), last));
                }
                page = items.findAll(spec, PageRequest.of(0, EXPORT_PAGE, Sort.by("id")))
                        .getContent();
                List<Long> ids = page.stream().map(EvidenceItem::getId).toList();
                Map<Long, Links> linksOf = linking.currentLinks(ids);
                Map<Long, EvidenceVersion> current = new HashMap<>();
                versions.findByItemIdInOrderByItemIdAscNumberAsc(ids).forEach(v -> current.put(v.getItemId(), v));
                Set<Long> controlIds = new HashSet<>();
                Set<Long> systemIds = new HashSet<>();
                linksOf.values().forEach(l -> {
                    controlIds.addAll(l.controlIds());
                    systemIds.addAll(l.systemIds());
                });
                Map<Long, String> controlNames = controlIds.isEmpty()
                        ? Map.of()
                        : controls.get(controlIds).stream()
                                .collect(Collectors.toMap(c -> c.getId(), c -> c.getTitle()));
                Map<Long, String> systemNames = systems.names(systemIds);
                for (EvidenceItem i : page) {
                    EvidenceVersion v = current.get(i.getId());
                    Links l = linksOf.get(i.getId());
                    writer.row(java.util.Arrays.asList(
                            i.getId(),
                            i.getTitle(),
                            i.getKind().name(),
                            i.getOwner(),
                            i.getCurrentVersion(),
                            i.getCollectedOn(),
                            i.getEffectiveFrom(),
                            i.getEffectiveTo(),
                            i.getExpiresOn(),
                            i.getReviewedBy(),
                            i.getReviewedAt() == null ? null : i.getReviewedAt().toString(),
                            v == null ? null : v.getFileName(),
                            v == null ? null : v.getMediaType(),
                            v == null ? null : v.getSize(),
                            v == null ? null : v.getSha256(),
                            v == null ? null : v.getUrl(),
                            names(l.controlIds(), controlNames),
                            EvidenceLinking.joined(l.requirementIds()),
                            names(l.systemIds(), systemNames)));
                    after = i.getId();
                    rows++;
                }
            } while (page.size() == EXPORT_PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new EvidenceExported(
                format.name().toLowerCase(Locale.ROOT), rows, (filter == null ? Filter.none() : filter).describe()));
        return rows;
    }

    private static final int EXPORT_PAGE = 500;

    private static String names(Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).sorted().collect(Collectors.joining("; "));
    }
}
