package dev.aegis.monitor;

import dev.aegis.monitor.IngestResult.Rejection;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ground truth that arrives after the prediction, by request id; a later label for the same request replaces the
 * earlier one. Performance and the label-based fairness figures join them with the events.
 */
@Service
@WhenMonitorEnabled
public class LabelService {

    private final DeploymentService deployments;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final MonitorSettings settings;
    private final Clock clock;

    LabelService(
            DeploymentService deployments,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            MonitorSettings settings,
            Clock clock) {
        this.deployments = deployments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    private record Label(String requestId, String label) {}

    @PreAuthorize(Permissions.INGEST)
    public IngestResult ingest(String deploymentName, InputStream body) {
        Deployment deployment = deployments.find(deploymentName);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new IngestProblems.Malformed("The body is not valid JSON: " + e.getOriginalMessage());
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.isObject()) {
            nodes.add(root);
        } else if (root != null && root.isArray()) {
            root.forEach(nodes::add);
        } else {
            throw new IngestProblems.Malformed("Send one label as a JSON object or several as a JSON array.");
        }
        if (nodes.size() > settings.maxBatchEvents()) {
            throw new IngestProblems.TooMany("Send at most " + settings.maxBatchEvents() + " labels per request.");
        }
        Set<String> allowed = Set.copyOf(deployment.getLabels());
        List<Label> good = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            JsonNode requestId = n.get("requestId");
            JsonNode label = n.get("label");
            if (requestId == null
                    || !requestId.isString()
                    || requestId.asString().isBlank()
                    || requestId.asString().length() > 200) {
                rejections.add(new Rejection(i, "requestId", "requestId is a string of up to 200 characters."));
            } else if (label == null || !(label.isString() || label.isNumber() || label.isBoolean())) {
                rejections.add(new Rejection(i, "label", "label is a string, number or boolean."));
            } else {
                String text = label.isString() ? label.asString() : label.toString();
                if (!allowed.isEmpty() && !allowed.contains(text)) {
                    rejections.add(new Rejection(
                            i, "label", "'" + text + "' is none of the deployment's labels " + allowed + "."));
                } else if (text.length() > 200) {
                    rejections.add(new Rejection(i, "label", "label has at most 200 characters."));
                } else {
                    good.add(new Label(requestId.asString(), text));
                }
            }
        }
        Instant now = clock.instant();
        if (!good.isEmpty()) {
            tx.executeWithoutResult(s -> jdbc.batchUpdate(
                    "insert into monitor.label (deployment_id, request_id, label, "
                            + "received_at) values (?, ?, ?, ?) on conflict (deployment_id, request_id) do update set "
                            + "label = excluded.label, received_at = excluded.received_at",
                    good,
                    1000,
                    (ps, l) -> {
                        ps.setLong(1, deployment.getId());
                        ps.setString(2, l.requestId());
                        ps.setString(3, l.label());
                        ps.setTimestamp(4, Timestamp.from(now));
                    }));
        }
        return new IngestResult(good.size(), rejections.size(), rejections);
    }
}
