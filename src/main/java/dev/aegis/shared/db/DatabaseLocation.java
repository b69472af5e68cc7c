package dev.aegis.shared.db;

import java.net.URI;

/**
 * A PostgreSQL JDBC URL taken apart just enough to reach the server's maintenance database and to name
 * the database Aegis wants.
 */
record DatabaseLocation(String host, int port, String database, String query) {

    static DatabaseLocation parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "AEGIS_DB_URL must look like jdbc:postgresql://host:5432/aegis, got: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath();
        String db = path.startsWith("/") ? path.substring(1) : path;
        if (db.isBlank()) {
            throw new IllegalArgumentException("AEGIS_DB_URL names no database: " + jdbcUrl);
        }
        return new DatabaseLocation(
                uri.getHost() == null ? "localhost" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                db,
                uri.getRawQuery());
    }

    String maintenanceUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/postgres" + (query == null ? "" : "?" + query);
    }
}
