package dev.aegis.risk;

import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.risk.RiskEvents.RisksExported;
import dev.aegis.risk.RiskEvents.RisksImported;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.shared.Actors;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.tabular.ImportChecks;
import dev.aegis.shared.tabular.ImportReport;
import dev.aegis.shared.tabular.RecordColumns;
import dev.aegis.shared.tabular.RowProblem;
import dev.aegis.shared.tabular.Table;
import dev.aegis.shared.tabular.TableReader;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register as a file, in columns people read: systems by name, threats and requirements by their reference
 * ids ({@code AML.T0051}, {@code LLM01:2025}, {@code GOVERN 1.1}; with the framework code in brackets where two
 * frameworks use the same id), category and status as the screens label them. Everyone who reads the register
 * exports it; those who may raise risks import: new rows (no id) are raised, rows with an id and the version they were
 * exported at change that risk, through {@link RiskService}, so the same rules apply as on the screens (a system owner
 * only for risks of systems they own). The workflow columns (status, treatment, residual rating, acceptance) are there
 * to be read; an import ignores them, because each of those steps has rules of its own. Every row is checked before
 * anything is written, and nothing is written while any row has a problem.
 */
@Service
public class RiskTransfer {

    static final int PAGE = 1000;
    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String SYSTEMS = "systems";
    public static final String THREATS = "threats";
    public static final String REQUIREMENTS = "requirements";
    /** Columns an export writes for people to read and an import ignores. */
    public static final List<String> WORKFLOW = List.of(
            "status",
            "inherentScore",
            "treatment",
            "residualLikelihood",
            "residualImpact",
            "residualScore",
            "acceptedBy",
            "acceptanceExpiresOn");

    private static final RecordColumns<Described> DESCRIBED =
            new RecordColumns<>(Described.class, Classification::label);
    private static final Pattern QUALIFIED = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");
    private static final Pattern SYSTEM_ID = Pattern.compile("(.*?)\\s*\\[#(\\d+)]|#(\\d+)");

    /**
     * The plain columns of a risk as an import reads them (the references are resolved separately): public only so
     * that {@link RecordColumns} can build it.
     */
    public record Described(
            @NotBlank(message = "Name the risk.") String title,
            String description,
            @NotNull(message = "Choose the category.") Category category,

            @NotNull(message = "Rate the likelihood from 1 to 5.") @Min(1) @Max(5)
            Integer inherentLikelihood,

            @NotNull(message = "Rate the impact from 1 to 5.") @Min(1) @Max(5)
            Integer inherentImpact,

            String owner,
            LocalDate dueDate) {}

    private final Risks risks;
    private final RiskService service;
    private final AiSystemService systems;
    private final FrameworkCatalog catalog;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;

    private final UserDirectory people;

    RiskTransfer(
            Risks risks,
            RiskService service,
            AiSystemService systems,
            FrameworkCatalog catalog,
            Validator validator,
            ApplicationEventPublisher events,
            EntityManager entityManager,
            UserDirectory people) {
        this.people = people;
        this.risks = risks;
        this.service = service;
        this.systems = systems;
        this.catalog = catalog;
        this.validator = validator;
        this.events = events;
        this.entityManager = entityManager;
    }

    /** The columns of an export, in order; an import takes the same names (id, version and the workflow ones optional). */
    public static List<String> columns() {
        return Stream.of(
                        Stream.of(
                                ID,
                                VERSION,
                                "title",
                                "description",
                                "category",
                                SYSTEMS,
                                THREATS,
                                REQUIREMENTS,
                                "inherentLikelihood",
                                "inherentImpact",
                                "owner",
                                "dueDate"),
                        WORKFLOW.stream())
                .flatMap(s -> s)
                .toList();
    }

    /**
     * Writes every risk matching the filter, {@value #PAGE} at a time in id order (each page starts after the last id
     * of the one before, so the database never skips rows, and the persistence context is cleared after each), and
     * records the export in the audit log. Returns the number of rows.
     */
    @PreAuthorize(RiskService.READERS)
    @Transactional
    public long export(RiskService.Filter filter, TabularFormat format, OutputStream out) {
        References references = new References(catalog);
        long rows = 0;
        try (TableWriter writer = TableWriter.open(format, out, columns())) {
            Long after = null;
            Slice<Risk> page;
            do {
                Long last = after;
                Specification<Risk> spec = RiskService.specification(filter);
                if (last != null) {
                    spec = spec.and((r, q, cb) -> cb.greaterThan(r.get("id"), last));
                }
                page = risks.findBy(spec, q -> q.sortBy(Sort.by("id")).slice(PageRequest.of(0, PAGE, Sort.by("id"))));
                Map<Long, String> names = systemLabels(page.getContent());
                for (Risk risk : page) {
                    writer.row(cells(risk, names, references));
                    after = risk.getId();
                    rows++;
                }
                entityManager.clear();
            } while (page.hasNext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new RisksExported(format.name().toLowerCase(Locale.ROOT), rows, describe(filter)));
        return rows;
    }

    private static List<Object> cells(Risk r, Map<Long, String> systemNames, References references) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.getId());
        cells.add(r.getVersion());
        cells.add(r.getTitle());
        cells.add(r.details().description());
        cells.add(Classification.label(r.getCategory()));
        cells.add(r.getSystems().stream()
                .map(systemNames::get)
                .filter(Objects::nonNull)
                .sorted()
                .collect(Collectors.joining("; ")));
        cells.add(references.labels(r.getThreats()));
        cells.add(references.labels(r.getRequirements()));
        cells.add(r.getInherentLikelihood());
        cells.add(r.getInherentImpact());
        cells.add(r.getOwner());
        cells.add(r.getDueDate());
        cells.add(Classification.label(r.getStatus()));
        cells.add(r.getInherentScore());
        cells.add(r.getTreatment() == null ? null : Classification.label(r.getTreatment()));
        cells.add(r.getResidualLikelihood());
        cells.add(r.getResidualImpact());
        cells.add(r.getResidualScore());
        cells.add(r.getAcceptedBy());
        cells.add(r.getAcceptanceExpiresOn());
        return cells;
    }

    /** Each system by its name, or "name [#id]" where several systems bear that name, so an import finds it again. */
    private Map<Long, String> systemLabels(List<Risk> page) {
        Set<Long> ids = page.stream().flatMap(r -> r.getSystems().stream()).collect(Collectors.toSet());
        Map<Long, String> names = systems.names(ids);
        Map<String, List<Long>> byName = systems.idsByName(names.values());
        Map<Long, String> labels = new HashMap<>();
        names.forEach((id, name) -> labels.put(
                id,
                byName.getOrDefault(name.strip().toLowerCase(Locale.ROOT), List.of())
                                        .size()
                                > 1
                        ? name + " [#" + id + "]"
                        : name));
        return labels;
    }

    /**
     * Checks every row of a CSV or XLSX file and, when {@code apply} is set and no row has a problem, raises the rows
     * without id and changes the rows with one (which must carry the version they were exported at); rows equal to
     * the stored risk are left alone. With problems, or without {@code apply}, nothing is written.
     */
    @PreAuthorize(RiskService.WRITERS)
    @Transactional
    public ImportReport importFile(byte[] data, boolean apply) {
        Table table = TableReader.read(data);
        List<RowProblem> problems = ImportChecks.header(table.header(), columns(), required(), "risk");
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        Resolver resolver = new Resolver(table.rows());
        Map<Long, Integer> idRows = new HashMap<>();
        var checked = ImportChecks.rows(table, columns(), (row, found) -> check(row, resolver, idRows, found));
        if (!checked.problems().isEmpty()) {
            return ImportReport.refused(checked.problems());
        }
        List<Planned> plan = checked.plan();
        int unchanged = checked.unchanged();
        int created = (int) plan.stream().filter(p -> p.id() == null).count();
        int updated = plan.size() - created;
        if (apply) {
            for (Planned p : plan) {
                if (p.id() == null) {
                    service.identify(p.details());
                } else {
                    service.update(p.id(), p.version(), p.details());
                }
            }
            events.publishEvent(new RisksImported(
                    TabularFormat.detect(data).name().toLowerCase(Locale.ROOT), created, updated, unchanged));
        }
        return new ImportReport(apply, created, updated, unchanged, List.of());
    }

    private static List<String> required() {
        List<String> required = new ArrayList<>(DESCRIBED.required());
        required.add(SYSTEMS);
        return required;
    }

    private record Planned(Long id, long version, RiskDetails details) {}

    /** The change a row asks for, {@code null} when it matches the stored risk; problems go to {@code problems}. */
    private Planned check(Table.Row row, Resolver resolver, Map<Long, Integer> idRows, List<RowProblem> problems) {
        int n = row.number();
        ImportChecks.extraCells(row, problems);
        Long id = ImportChecks.wholeNumber(row, ID, problems);
        Long version = ImportChecks.wholeNumber(row, VERSION, problems);
        Described described = DESCRIBED.parse(row, problems);
        Set<Long> systemIds = resolver.systems(row, problems);
        Set<Long> threats = resolver.requirements(row, THREATS, true, problems);
        Set<Long> requirements = resolver.requirements(row, REQUIREMENTS, false, problems);
        Risk stored = null;
        if (id != null) {
            stored = risks.findById(id).orElse(null);
            Integer first = idRows.putIfAbsent(id, n);
            if (first != null) {
                problems.add(new RowProblem(
                        n, ID, "Risk " + id + " appears more than once in the file (first in row " + first + ")."));
                return null;
            }
            if (stored == null) {
                problems.add(new RowProblem(n, ID, "There is no risk " + id + ". Leave id empty to raise a new one."));
                return null;
            }
        }
        String owner = blank(described.owner());
        if (owner == null && stored != null) {
            owner = stored.getOwner();
        }
        RiskDetails details = new RiskDetails(
                described.title() == null ? null : described.title().strip(),
                blank(described.description()),
                described.category(),
                systemIds,
                threats,
                requirements,
                described.inherentLikelihood(),
                described.inherentImpact(),
                owner,
                described.dueDate());
        Set<String> unreadable = problems.stream().map(RowProblem::column).collect(Collectors.toSet());
        if (!unreadable.contains("owner")) {
            ImportChecks.person(
                    n, "owner", "risk owner", owner, stored == null ? null : stored.getOwner(), people, problems);
        }
        for (ConstraintViolation<RiskDetails> v : validator.validate(details)) {
            String column = v.getPropertyPath().toString();
            if (!unreadable.contains(column)) {
                problems.add(new RowProblem(n, column, v.getMessage()));
            }
        }
        if (!unreadable.contains(SYSTEMS) && !systemIds.isEmpty()) {
            resolver.requireMayChange(n, systemIds, "is", problems);
        }
        if (stored == null) {
            return problems.isEmpty() ? new Planned(null, 0, details) : null;
        }
        resolver.requireMayChange(n, stored.getSystems(), "was", problems);
        if (version == null) {
            if (!unreadable.contains(VERSION)) {
                problems.add(new RowProblem(n, VERSION, "A row with an id needs the version it was exported at."));
            }
            return null;
        }
        if (stored.getVersion() != version) {
            problems.add(new RowProblem(
                    n,
                    VERSION,
                    "Risk " + id + " was changed since export (version " + version + " in the file, "
                            + stored.getVersion() + " now). Export again and repeat your change."));
            return null;
        }
        if (!problems.isEmpty() || stored.details().equals(details)) {
            return null;
        }
        if (stored.getStatus() == RiskVocabulary.Status.CLOSED) {
            problems.add(new RowProblem(n, ID, "Risk " + id + " is closed: reopen it before changing it."));
            return null;
        }
        if (stored.getAcceptedBy() != null && stored.getAcceptedBy().equalsIgnoreCase(details.owner())) {
            problems.add(new RowProblem(
                    n,
                    "owner",
                    "The risk was accepted by " + stored.getAcceptedBy()
                            + "; the person who accepted a risk cannot own it."));
            return null;
        }
        return new Planned(id, version, details);
    }

    /** Looks up, once per file, the systems and requirements the rows name, and what the importer may change. */
    private final class Resolver {

        private final References references = new References(catalog);
        private final Map<String, List<Long>> systemsByName;
        private final Map<Long, String> systemNames;
        private final Map<Long, Boolean> mayChange = new HashMap<>();
        private final boolean manages = Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");

        Resolver(List<Table.Row> rows) {
            Set<String> names = new HashSet<>();
            Set<Long> ids = new HashSet<>();
            for (Table.Row row : rows) {
                for (String part : parts(row.get(SYSTEMS))) {
                    Matcher m = SYSTEM_ID.matcher(part);
                    if (m.matches()) {
                        ids.add(systemId(m));
                    } else {
                        names.add(part);
                    }
                }
            }
            systemsByName = systems.idsByName(names);
            systemNames = systems.names(ids);
        }

        Set<Long> systems(Table.Row row, List<RowProblem> problems) {
            Set<Long> ids = new LinkedHashSet<>();
            for (String part : parts(row.get(SYSTEMS))) {
                Matcher m = SYSTEM_ID.matcher(part);
                if (m.matches()) {
                    long id = systemId(m);
                    String name = systemNames.get(id);
                    if (name == null
                            || (m.group(1) != null
                                    && !m.group(1).isBlank()
                                    && !name.equalsIgnoreCase(m.group(1).strip()))) {
                        problems.add(new RowProblem(row.number(), SYSTEMS, "There is no AI system " + part + "."));
                    } else {
                        ids.add(id);
                    }
                    continue;
                }
                List<Long> found = systemsByName.getOrDefault(part.toLowerCase(Locale.ROOT), List.of());
                if (found.isEmpty()) {
                    problems.add(new RowProblem(
                            row.number(),
                            SYSTEMS,
                            "There is no AI system named \"" + part
                                    + "\". Systems are named as in the inventory, separated by \";\"."));
                } else if (found.size() > 1) {
                    problems.add(new RowProblem(
                            row.number(),
                            SYSTEMS,
                            found.size() + " AI systems are named \"" + part
                                    + "\": write which one as \"" + part + " [#" + found.getFirst() + "]\" (ids "
                                    + found.stream()
                                            .sorted()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(", ")) + ")."));
                } else {
                    ids.add(found.getFirst());
                }
            }
            return ids;
        }

        /** The id in "#12" or "Name [#12]"; -1 (no system) when it is too long to be one. */
        private static long systemId(Matcher m) {
            try {
                return Long.parseLong(m.group(2) != null ? m.group(2) : m.group(3));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        Set<Long> requirements(Table.Row row, String column, boolean threats, List<RowProblem> problems) {
            Set<Long> ids = new LinkedHashSet<>();
            for (String part : parts(row.get(column))) {
                try {
                    RequirementSummary r = references.resolve(part);
                    if (threats && !RiskService.isThreat(r)) {
                        problems.add(
                                new RowProblem(
                                        row.number(),
                                        column,
                                        part + " is not a threat: name ATLAS "
                                                + "techniques or sub-techniques (AML.T0051) and OWASP LLM Top 10 entries (LLM01:2025)."));
                    } else {
                        ids.add(r.id());
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new RowProblem(row.number(), column, e.getMessage()));
                }
            }
            return ids;
        }

        private boolean mayEdit(long system) {
            try {
                return systems.mayEdit(system);
            } catch (dev.aegis.shared.NotFoundException e) {
                // a risk may still name a system that was removed since: nobody owns it any more
                return false;
            }
        }

        /** A system owner raises and changes only risks all of whose systems they own. */
        void requireMayChange(int row, Collection<Long> systemIds, String tense, List<RowProblem> problems) {
            if (manages) {
                return;
            }
            List<Long> foreign = systemIds.stream()
                    .filter(id -> !mayChange.computeIfAbsent(id, this::mayEdit))
                    .toList();
            if (!foreign.isEmpty()) {
                problems.add(new RowProblem(
                        row,
                        SYSTEMS,
                        "You raise and change risks only of AI systems you own; the "
                                + "risk " + tense + " also of "
                                + systems.names(foreign).values().stream()
                                        .sorted()
                                        .collect(Collectors.joining(", ")) + "."));
            }
        }
    }

    /** Requirements by reference id, with the framework code where the id alone is ambiguous. */
    private static final class References {

        private final Map<Long, RequirementSummary> byId = new HashMap<>();
        private final Map<String, List<RequirementSummary>> byRef = new HashMap<>();
        private final Set<String> codes = new HashSet<>();

        References(FrameworkCatalog catalog) {
            for (FrameworkSummary f : catalog.frameworks()) {
                codes.add(f.code());
                for (RequirementSummary r : catalog.tree(f.code(), true)) {
                    byId.put(r.id(), r);
                    byRef.computeIfAbsent(r.refId().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(r);
                }
            }
        }

        String labels(Set<Long> ids) {
            return ids.stream()
                    .map(byId::get)
                    .filter(Objects::nonNull)
                    .map(this::label)
                    .sorted()
                    .collect(Collectors.joining("; "));
        }

        private String label(RequirementSummary r) {
            return byRef.get(r.refId().toLowerCase(Locale.ROOT)).size() > 1
                    ? r.refId() + " (" + r.frameworkCode() + ")"
                    : r.refId();
        }

        RequirementSummary resolve(String text) {
            Matcher m = QUALIFIED.matcher(text);
            if (m.matches() && codes.contains(m.group(2).strip())) {
                String code = m.group(2).strip();
                return byRef.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), List.of()).stream()
                        .filter(r -> r.frameworkCode().equals(code))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalArgumentException(code + " has no requirement " + m.group(1) + "."));
            }
            List<RequirementSummary> found = byRef.getOrDefault(text.toLowerCase(Locale.ROOT), List.of());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("No framework has a requirement " + text + ". Write reference ids "
                        + "as the framework browser shows them (e.g. GOVERN 1.1, A.6.2.6, AML.T0051, LLM01:2025).");
            }
            if (found.size() > 1) {
                throw new IllegalArgumentException(text + " is in " + found.size() + " frameworks: write it as "
                        + found.stream()
                                .map(r -> r.refId() + " (" + r.frameworkCode() + ")")
                                .collect(Collectors.joining(" or "))
                        + ".");
            }
            return found.getFirst();
        }
    }

    private static List<String> parts(String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("[;\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The filters in use, for the audit log ("none" when there are none). */
    static String describe(RiskService.Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("text=" + f.text().trim());
        }
        if (f.status() != null) {
            parts.add("status=" + f.status());
        }
        if (f.owner() != null && !f.owner().isBlank()) {
            parts.add("owner=" + f.owner().trim());
        }
        if (f.category() != null) {
            parts.add("category=" + f.category());
        }
        if (f.tier() != null) {
            parts.add("tier=" + f.tier());
        }
        if (f.requirement() != null) {
            parts.add("requirement=" + f.requirement());
        }
        if (f.system() != null) {
            parts.add("system=" + f.system());
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
