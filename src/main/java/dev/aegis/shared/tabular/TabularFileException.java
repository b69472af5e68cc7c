package dev.aegis.shared.tabular;

import dev.aegis.shared.DomainRuleException;

/** The file cannot be read as a table at all (too large, too many rows, not CSV nor XLSX). */
public class TabularFileException extends DomainRuleException {

    public TabularFileException(String message) {
        super("file", message);
    }
}
