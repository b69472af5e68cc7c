package dev.aegis.evidence;

import dev.aegis.shared.AuditObjectLabels;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Names evidence items in the audit log as the register does: "E-7 · Data protection impact assessment". */
@Component
class EvidenceAuditLabels implements AuditObjectLabels {

    private final JdbcTemplate jdbc;

    EvidenceAuditLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean names(String objectType) {
        return "Evidence".equals(objectType);
    }

    @Override
    public String label(String objectType, String objectId) {
        if (objectId == null || !objectId.matches("\\d{1,18}")) {
            return null;
        }
        List<String> title = jdbc.queryForList(
                "select title from evidence.evidence_item where id = ?", String.class, Long.valueOf(objectId));
        return title.isEmpty() ? null : "E-" + objectId + " · " + title.getFirst();
    }
}
