package dev.aegis.inventory;

import dev.aegis.inventory.Classification.Status;
import dev.aegis.inventory.InventoryEvents.AiSystemsExported;
import dev.aegis.inventory.InventoryEvents.AiSystemsImported;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory as a file: export as CSV or XLSX (everyone who reads the inventory) and import (governance officers,
 * administrators). The columns are {@code id}, {@code version} and the fields of {@link AiSystemDetails}. An import
 * checks every row before it writes anything, and writes all rows in one transaction through
 * {@link AiSystemService}, so roles, rules and the audit log apply to each system as if it were edited by hand.
 */
@Service
public class AiSystemTransfer {

    static final int PAGE = 1000;
    public static final String ID = "id";
    public static final String VERSION = "version";
    private static final RecordColumns<AiSystemDetails> DETAILS =
            new RecordColumns<>(AiSystemDetails.class, Classification::label);

    private final AiSystems systems;
    private final AiSystemService service;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final UserDirectory people;

    AiSystemTransfer(
            AiSystems systems,
            AiSystemService service,
            Validator validator,
            ApplicationEventPublisher events,
            EntityManager entityManager,
            UserDirectory people) {
        this.people = people;
        this.systems = systems;
        this.service = service;
        this.validator = validator;
        this.events = events;
        this.entityManager = entityManager;
    }

    /** The column names of an export, in order; an import expects the same names (id and version may be left out). */
    public static List<String> columns() {
        return Stream.concat(Stream.of(ID, VERSION), DETAILS.names().stream()).toList();
    }

    /**
     * Writes every system matching the filter, a page of {@value #PAGE} at a time (the persistence context is cleared
     * after each, so memory stays flat), and records the export in the audit log. Returns the number of rows.
     */
    @PreAuthorize(AiSystemService.READERS)
    @Transactional
    public long export(AiSystemService.Filter filter, TabularFormat format, OutputStream out) {
        long rows = 0;
        try (TableWriter writer = TableWriter.open(format, out, columns())) {
            Slice<AiSystem> page;
            int number = 0;
            do {
                page = systems.findAll(
                        AiSystemService.specification(filter), PageRequest.of(number++, PAGE, Sort.by("id")));
                for (AiSystem system : page) {
                    List<Object> cells = new ArrayList<>();
                    cells.add(system.getId());
                    cells.add(system.getVersion());
                    cells.addAll(DETAILS.values(system.details()));
                    writer.row(cells);
                    rows++;
                }
                entityManager.clear();
            } while (page.hasNext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(
                new AiSystemsExported(format.name().toLowerCase(java.util.Locale.ROOT), rows, filter.describe()));
        return rows;
    }

    /**
     * Checks every row of a CSV or XLSX file and, when {@code apply} is set and no row has a problem, registers the
     * rows without id and changes the rows with one. A row with an id must carry the version it was exported at;
     * rows equal to the stored system are left alone. With problems, or without {@code apply}, nothing is written.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    @Transactional
    public ImportReport importFile(byte[] data, boolean apply) {
        Table table = TableReader.read(data);
        List<RowProblem> problems = headerProblems(table.header());
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        Map<Long, Integer> idRows = new HashMap<>();
        var checked = ImportChecks.rows(table, columns(), (row, found) -> check(row, idRows, found));
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
                    service.registerNew(p.details());
                } else {
                    service.update(p.id(), p.version(), p.details());
                }
            }
            events.publishEvent(new AiSystemsImported(
                    TabularFormat.detect(data).name().toLowerCase(java.util.Locale.ROOT), created, updated, unchanged));
        }
        return new ImportReport(apply, created, updated, unchanged, List.of());
    }

    private record Planned(Long id, long version, AiSystemDetails details) {}

    private static List<RowProblem> headerProblems(List<String> header) {
        return ImportChecks.header(header, columns(), DETAILS.required(), "AI system");
    }

    /** The change a row asks for, {@code null} when it matches the stored system; problems go to {@code problems}. */
    private Planned check(Table.Row row, Map<Long, Integer> idRows, List<RowProblem> problems) {
        int n = row.number();
        ImportChecks.extraCells(row, problems);
        Long id = ImportChecks.wholeNumber(row, ID, problems);
        Long version = ImportChecks.wholeNumber(row, VERSION, problems);
        AiSystemDetails details = DETAILS.parse(row, problems);
        Set<String> unreadable = new HashSet<>();
        problems.forEach(p -> unreadable.add(p.column()));
        for (ConstraintViolation<AiSystemDetails> v : validator.validate(details)) {
            String column = v.getPropertyPath().toString();
            if (!unreadable.contains(column)) {
                problems.add(new RowProblem(n, column, v.getMessage()));
            }
        }
        if (details.status() == Status.RETIRED && !details.hasDeletionRecord()) {
            problems.add(new RowProblem(
                    n,
                    "deletionDate",
                    "A retired system needs the record of the secure deletion of "
                            + "its data and model: deletionDate, deletionMethod and deletionSignedOffBy."));
        }
        if (id == null) {
            AiSystemService.unclassifiedAtCreation(details)
                    .filter(p -> !unreadable.contains(p.field()))
                    .ifPresent(p -> problems.add(new RowProblem(n, p.field(), p.message())));
            checkOwners(n, details, null, unreadable, problems);
            return problems.isEmpty() ? new Planned(null, 0, details) : null;
        }
        Integer first = idRows.putIfAbsent(id, n);
        if (first != null) {
            problems.add(new RowProblem(
                    n, ID, "AI system " + id + " appears more than once in the file (first in row " + first + ")."));
            return null;
        }
        AiSystem stored = systems.findById(id).orElse(null);
        if (stored == null) {
            problems.add(
                    new RowProblem(n, ID, "There is no AI system " + id + ". Leave id empty to register a new one."));
            return null;
        }
        if (version == null) {
            if (!unreadable.contains(VERSION)) {
                problems.add(new RowProblem(n, VERSION, "A row with an id needs the version it was exported at."));
            }
            return null;
        }
        checkOwners(n, details, stored, unreadable, problems);
        if (stored.getVersion() != version) {
            problems.add(new RowProblem(
                    n,
                    VERSION,
                    "AI system " + id + " was changed since export (version " + version + " in the file, "
                            + stored.getVersion() + " now). Export again and repeat your change."));
            return null;
        }
        if (!problems.isEmpty() || Objects.equals(stored.details(), details)) {
            return null;
        }
        return new Planned(id, version, details);
    }

    /** The owners a row names are active users, unless it keeps the ones the stored system has. */
    private void checkOwners(
            int n, AiSystemDetails details, AiSystem stored, Set<String> unreadable, List<RowProblem> problems) {
        if (!unreadable.contains("businessOwner")) {
            ImportChecks.person(
                    n,
                    "businessOwner",
                    "business owner",
                    details.businessOwner(),
                    stored == null ? null : stored.getBusinessOwner(),
                    people,
                    problems);
        }
        if (!unreadable.contains("technicalOwner")) {
            ImportChecks.person(
                    n,
                    "technicalOwner",
                    "technical owner",
                    details.technicalOwner(),
                    stored == null ? null : stored.getTechnicalOwner(),
                    people,
                    problems);
        }
    }
}
