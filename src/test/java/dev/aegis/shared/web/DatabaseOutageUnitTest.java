package dev.aegis.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageUnitTest {

    @Test
    void a_pool_that_cannot_hand_out_a_connection_is_an_outage() {
        var timeout = new SQLTransientConnectionException(
                "aegis - Connection is not available, request timed out after 1000ms");
        assertThat(DatabaseOutage.isCause(
                        new CannotCreateTransactionException("Could not open JPA EntityManager", timeout)))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new DataAccessResourceFailureException("I/O error")))
                .isTrue();
    }

    @Test
    void a_connection_state_deep_in_the_causes_is_an_outage() {
        var ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutage.isCause(new IllegalStateException("wrapped", new RuntimeException(ioError))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(shutdown))).isTrue();
    }

    @Test
    void a_failed_rollback_on_a_connection_the_pool_closed_is_an_outage() {
        // what Spring throws when the rollback after a lost connection replaces the original failure
        var rollback = new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(DatabaseOutage.isCause(rollback)).isTrue();
    }

    @Test
    void ordinary_database_errors_and_bugs_are_not_an_outage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.isCause(
                        new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01"))))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }

    @Test
    void the_api_answers_an_outage_with_503_and_a_friendly_problem_detail() {
        ResponseEntity<ProblemDetail> response = new ProblemDetailsAdvice()
                .unexpected(new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException("request timed out after 1000ms")));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getDetail())
                .isEqualTo("The database cannot be reached right now. Try again in a moment.");
        assertThat(response.getBody().getTitle()).isEqualTo("Database unavailable");
    }

    @Test
    void the_api_still_answers_a_bug_with_500_and_no_details() {
        ResponseEntity<ProblemDetail> response =
                new ProblemDetailsAdvice().unexpected(new IllegalStateException("secret internals"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getDetail()).doesNotContain("secret internals");
    }
}
