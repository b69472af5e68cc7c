package dev.aegis.aims;

import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.control.RequirementRecords;
import dev.aegis.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which ISO/IEC 42001 requirements the AIMS records in force meet, for coverage ({@link RequirementRecords}): the
 * published AI policy meets 5.2 (AI policy) and Annex A A.2.2; the published context and scope statement meets 4.3,
 * and 4.1 and 4.2 when it names issues and interested parties; top management and an AIMS manager named in the
 * roles register meet 5.3 and A.3.2. Crosswalks carry these on to the NIST AI RMF. Later records (impact
 * assessments, internal audits, management reviews, corrective actions) add their lines to {@link #MEETS} and
 * {@link #metAt}.
 */
@Component
class AimsCoverage implements RequirementRecords {

    static final String ISO = "ISO-IEC-42001-2023";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The requirements a published document of each kind meets, whatever it says. */
    static final Map<DocumentKind, List<String>> MEETS = Map.of(
            DocumentKind.AI_POLICY, List.of("5.2", "A.2.2"),
            DocumentKind.TOPIC_POLICY, List.of(),
            DocumentKind.CONTEXT_AND_SCOPE, List.of("4.3"));

    /** The roles that together meet 5.3 and A.3.2 while someone holds each. */
    static final Set<AimsRole> KEY_ROLES = EnumSet.of(AimsRole.TOP_MANAGEMENT, AimsRole.AIMS_MANAGER);

    private final VersionsInForce inForce;
    private final AimsDocuments documents;
    private final RoleAssignments roles;

    AimsCoverage(VersionsInForce inForce, AimsDocuments documents, RoleAssignments roles) {
        this.inForce = inForce;
        this.documents = documents;
        this.roles = roles;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Met> metAt(Instant at) {
        List<DocumentVersion> published = inForce.publishedAt(at);
        Map<Long, AimsDocument> docs =
                documents
                        .findAllById(published.stream()
                                .map(DocumentVersion::getDocumentId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(AimsDocument::getId, Function.identity()));
        List<Met> out = new ArrayList<>();
        for (DocumentVersion v : published) {
            AimsDocument d = docs.get(v.getDocumentId());
            String record = d.getKind().label() + " " + d.getReference() + " version " + v.getNumber()
                    + (v.getEffectiveFrom() == null ? "" : ", in force since " + Dates.day(v.getEffectiveFrom()));
            MEETS.getOrDefault(d.getKind(), List.of()).forEach(ref -> out.add(new Met(ISO, ref, record)));
            if (d.getKind() == DocumentKind.CONTEXT_AND_SCOPE) {
                ContextAndScope scope = JSON.readValue(v.getContent(), ContextAndScope.class);
                if (!scope.internalIssues().isEmpty() || !scope.externalIssues().isEmpty()) {
                    out.add(new Met(ISO, "4.1", record));
                }
                if (!scope.interestedParties().isEmpty()) {
                    out.add(new Met(ISO, "4.2", record));
                }
            }
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Set<AimsRole> held = roles.findAll().stream()
                .filter(r -> r.heldOn(day))
                .map(RoleAssignment::getRole)
                .collect(Collectors.toSet());
        if (held.containsAll(KEY_ROLES)) {
            String record = "AIMS roles register (top management and an AIMS manager named)";
            out.add(new Met(ISO, "5.3", record));
            out.add(new Met(ISO, "A.3.2", record));
        }
        return out;
    }
}
