/**
 * Tables in files: CSV and XLSX readers and writers that deal in rows of strings, a record-to-columns mapping and
 * the {@link dev.aegis.shared.tabular.RowProblem} a register import reports, shared by every register.
 */
package dev.aegis.shared.tabular;
