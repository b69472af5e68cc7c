package dev.aegis.vendor;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.RequirementRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questionnaire templates: vendor managers and administrators write them (in the editor or as a JSON import), the
 * readers of the vendor register read them. Saving a questionnaire whose content differs from the template's latest
 * version writes the next version; saving the same content again writes nothing.
 */
@Service
@Transactional
public class TemplateService {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private final QuestionnaireTemplates templates;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TemplateService(
            QuestionnaireTemplates templates, FrameworkCatalog catalog, ApplicationEventPublisher events, Clock clock) {
        this.templates = templates;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** A template was written as a new version. */
    public record TemplateVersionWritten(long templateId, String key, int version) {}

    /** The template version a questionnaire was saved as; {@code written} false when it equalled the latest one. */
    public record Saved(QuestionnaireTemplate template, boolean written) {}

    /** The latest version of every template. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public List<QuestionnaireTemplate> latest() {
        return templates.latestVersions();
    }

    /** Every version of a template, newest first. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public List<QuestionnaireTemplate> versions(String key) {
        return templates.findByKeyOrderByVersionDesc(key);
    }

    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public QuestionnaireTemplate get(long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("No questionnaire template " + id));
    }

    /** The questionnaire of a template version. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public Questionnaire questionnaire(long id) {
        return parse(get(id).getDocument());
    }

    /** The template version as JSON, ready to import elsewhere. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public String export(long id) {
        return get(id).getDocument();
    }

    /** Imports a questionnaire as JSON: the next version of its template, or the latest one when nothing changed. */
    @PreAuthorize(VendorService.WRITERS)
    public Saved importJson(String json) {
        return write(parse(json));
    }

    /** Saves a questionnaire (e.g. from the editor): the next version of its template, unless nothing changed. */
    @PreAuthorize(VendorService.WRITERS)
    public Saved save(Questionnaire questionnaire) {
        return write(questionnaire);
    }

    /**
     * Writes a bundled template at start-up (as the system) when no version of it holds this content yet: a new Aegis
     * release may ship a new version, but a template a vendor manager changed since is not put back at each start.
     */
    Saved installBundled(String json) {
        Questionnaire q = parse(json);
        String document = JSON.writeValueAsString(q);
        return templates.findByKeyOrderByVersionDesc(q.key()).stream()
                .filter(t -> t.getDocument().equals(document))
                .findFirst()
                .map(t -> new Saved(t, false))
                .orElseGet(() -> write(q));
    }

    private Saved write(Questionnaire q) {
        List<String> problems = new ArrayList<>(q.problems());
        if (problems.isEmpty()) {
            problems.addAll(unknownRequirements(q));
        }
        if (!problems.isEmpty()) {
            throw new DomainRuleException("document", "The questionnaire is not valid: " + String.join("; ", problems));
        }
        String document = JSON.writeValueAsString(q);
        var latest = templates.findFirstByKeyOrderByVersionDesc(q.key());
        if (latest.isPresent() && latest.get().getDocument().equals(document)) {
            return new Saved(latest.get(), false);
        }
        int version = latest.map(t -> t.getVersion() + 1).orElse(1);
        QuestionnaireTemplate template = templates.saveAndFlush(new QuestionnaireTemplate(
                q.key(), version, q.title().trim(), document, Actors.current(), clock.instant()));
        events.publishEvent(new TemplateVersionWritten(template.getId(), q.key(), version));
        return new Saved(template, true);
    }

    /** Requirement references must name catalog requirements (framework code and ref id as in db/catalogs). */
    private List<String> unknownRequirements(Questionnaire q) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Question question : q.questions()) {
            for (RequirementRef ref : question.requirements()) {
                if (ref.framework() == null
                        || ref.ref() == null
                        || catalog.find(ref.framework(), ref.ref()).isEmpty()) {
                    unknown.add("question " + question.id() + ": no requirement " + ref);
                }
            }
        }
        return List.copyOf(unknown);
    }

    static Questionnaire parse(String json) {
        try {
            Questionnaire q = JSON.readValue(json, Questionnaire.class);
            if (q == null) {
                throw new DomainRuleException("document", "The file holds no questionnaire.");
            }
            return q;
        } catch (JacksonException e) {
            throw new DomainRuleException(
                    "document", "The file is not a questionnaire in JSON (" + e.getOriginalMessage() + ").");
        }
    }
}
