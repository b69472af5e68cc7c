package dev.aegis.shared.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by an unreachable database from every other one, so that a restarting PostgreSQL shows as
 * "try again in a moment" (503) rather than as a bug (500), on every path a request can take.
 */
public final class DatabaseOutage {

    public static final String TITLE = "Database unavailable";
    public static final String DETAIL = "The database cannot be reached right now. Try again in a moment.";
    /** Seconds a client should wait before trying again; about one PostgreSQL restart. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseOutage() {}

    /** Whether the failure, or anything that caused it, says the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception"; 57P01-57P03 are a server shutting down or starting up
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // HikariCP's stand-in for a connection it closed after a fatal error says only this, without SQLSTATE;
            // it surfaces when the rollback after a lost connection replaces the original failure
            if (t instanceof SQLException && HIKARI_CLOSED_CONNECTION.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle(TITLE);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
