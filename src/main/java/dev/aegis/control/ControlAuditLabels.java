package dev.aegis.control;

import dev.aegis.shared.AuditObjectLabels;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names controls and their applications in the audit log by the control's reference and title ("SC-37 · Watch
 * latency…"), never "control id: 37".
 */
@Component
class ControlAuditLabels implements AuditObjectLabels {

    private final JdbcTemplate jdbc;

    ControlAuditLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean names(String objectType) {
        return "Control".equals(objectType) || "ControlApplication".equals(objectType);
    }

    @Override
    public String label(String objectType, String objectId) {
        if (objectId == null || !objectId.matches("\\d{1,18}")) {
            return null;
        }
        String sql = "Control".equals(objectType)
                ? "select id, starter_id, title from control.control where id = ?"
                : "select c.id, c.starter_id, c.title from control.control c join control.control_application a "
                        + "on a.control_id = c.id where a.id = ?";
        List<String> found = jdbc.query(
                sql,
                (rs, i) -> Control.reference(rs.getLong(1), rs.getString(2)) + " · " + rs.getString(3),
                Long.valueOf(objectId));
        return found.isEmpty() ? null : found.getFirst();
    }
}
