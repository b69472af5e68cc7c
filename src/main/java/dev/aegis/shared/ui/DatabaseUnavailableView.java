package dev.aegis.shared.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.aegis.shared.web.DatabaseOutage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a screen shows instead of itself while the database cannot be reached: no stack trace, and the same address
 * works again once the database is back. Vaadin picks an error view by exception type, hence one view per type.
 */
public final class DatabaseUnavailableView {

    private DatabaseUnavailableView() {}

    private static void fill(VerticalLayout view) {
        view.setId("database-unavailable");
        view.addClassNames("aegis-narrow");
        view.add(
                new H2(DatabaseOutage.TITLE),
                new Paragraph(DatabaseOutage.DETAIL + " Reload this page when it is back."));
    }

    /** No connection for a new transaction: the usual way an outage shows. */
    @AnonymousAllowed
    public static class NoTransaction extends VerticalLayout
            implements HasErrorParameter<CannotCreateTransactionException> {
        NoTransaction() {
            fill(this);
        }

        @Override
        public int setErrorParameter(
                BeforeEnterEvent event, ErrorParameter<CannotCreateTransactionException> parameter) {
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
    }

    /** A connection lost while in use, or none to be had outside a transaction. */
    @AnonymousAllowed
    public static class ResourceFailure extends VerticalLayout
            implements HasErrorParameter<DataAccessResourceFailureException> {
        ResourceFailure() {
            fill(this);
        }

        @Override
        public int setErrorParameter(
                BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
    }
}
