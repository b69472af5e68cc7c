package dev.aegis.monitor;

import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Monitor tokens and deployments for tests, each with a unique name. */
@Component
class MonitorFixtures {

    // absent when the monitor is loaded alone (MonitorModuleTest): only token() needs it
    private final ObjectProvider<TestAccounts> accounts;
    private final MonitorTokenService tokens;

    MonitorFixtures(ObjectProvider<TestAccounts> accounts, MonitorTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A fresh monitor token, made by a fresh administrator. */
    String token() {
        return token("test");
    }

    /** A fresh monitor token of this name (the sentiment endpoint's rate limit counts per token name). */
    String token(String name) {
        TestAccounts.signIn(accounts.getObject().create("monitor-admin", Role.ADMIN));
        try {
            return tokens.create(name).token();
        } finally {
            TestAccounts.signOut();
        }
    }

    static String uniqueName(String prefix) {
        return (prefix + "-" + Long.toString(System.nanoTime(), 36)).toLowerCase(Locale.ROOT);
    }

    /** A deployment body: a numeric and a categorical feature, labels 0/1, a score, sex as protected attribute. */
    static String deploymentJson(String name, Double latencyBudgetMs) {
        return """
                {"name": "%s", "modelVersion": "1.0.0", "owner": "Credit team", "description": "Scores applications",
                 "features": [{"name": "age", "kind": "NUMERIC"}, {"name": "region", "kind": "CATEGORICAL"}],
                 "labels": ["0", "1"], "hasScore": true, "protectedAttributes": ["sex"],
                 "latencyBudgetMs": %s, "reference": {"kind": "BATCH", "batch": "validation"}}""".formatted(name, latencyBudgetMs == null ? "null" : latencyBudgetMs);
    }

    /** One event as JSON. */
    static String event(String requestId, Instant at, double latencyMs, boolean error) {
        return """
                {"requestId": "%s", "timestamp": "%s", "latencyMs": %s, "outcome": "%s", %s
                 "features": {"age": 41.5, "region": "north"}, "predictedLabel": "1", "score": 0.83, "group": "f"}""".formatted(
                requestId, at, latencyMs, error ? "error" : "ok", error ? "\"errorClass\": \"TimeoutError\"," : "");
    }

    static String batch(List<String> events) {
        return "[" + String.join(",", events) + "]";
    }

    static List<String> events(String prefix, Instant at, double[] latencies, int errors) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            list.add(event(prefix + "-" + i, at.plusMillis(i % 1000), latencies[i], i < errors));
        }
        return list;
    }
}
