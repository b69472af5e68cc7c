package dev.aegis.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.internal.ErrorTargetEntry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.aegis.AegisTest;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.WebApplicationContext;

@AegisTest
class DatabaseUnavailableViewTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void a_screen_that_cannot_reach_the_database_shows_the_database_unavailable_view() {
        var outage = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("request timed out"));

        assertThat(errorViewFor(outage)).isEqualTo(DatabaseUnavailableView.NoTransaction.class);
        assertThat(errorViewFor(new IllegalStateException("while loading the view", outage)))
                .isEqualTo(DatabaseUnavailableView.NoTransaction.class);
        assertThat(errorViewFor(new DataAccessResourceFailureException("I/O error")))
                .isEqualTo(DatabaseUnavailableView.ResourceFailure.class);
    }

    @Test
    void other_failures_keep_the_general_error_view() {
        assertThat(errorViewFor(new IllegalStateException("a bug")))
                .isNotIn(DatabaseUnavailableView.NoTransaction.class, DatabaseUnavailableView.ResourceFailure.class);
    }

    private Class<?> errorViewFor(Exception failure) {
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(context.getServletContext()));
        return registry.getErrorNavigationTarget(failure)
                .map(ErrorTargetEntry::getNavigationTarget)
                .orElse(null);
    }
}
