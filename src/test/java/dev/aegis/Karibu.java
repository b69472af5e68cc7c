package dev.aegis;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import dev.aegis.security.AegisUser;
import dev.aegis.security.TestAccounts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Principal;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browserless view tests: a Vaadin session and UI inside the shared Spring context, without a servlet container or a
 * browser. Spring Security's filters do not run, so the user is put into the security context directly; Vaadin's
 * route access control and {@code @PreAuthorize} read it from there.
 */
public final class Karibu {

    /** Scanning the class path once per run is enough. */
    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.aegis");

    private Karibu() {}

    /** Signs the user in and opens a fresh UI on the start view. */
    public static void signInAndOpen(ApplicationContext context, AegisUser user) {
        TestAccounts.signIn(user);
        MockVaadin.setMockRequestFactory(Karibu::requestOfSignedInUser);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /**
     * In production Spring Security wraps each request so that it names the signed-in user and answers
     * {@code isUserInRole}; Vaadin's route access control asks the request. Here no filter runs, so the fake request
     * answers from the security context (what karibu-testing 2.7's MockSpringSecurity does).
     */
    private static FakeRequest requestOfSignedInUser(com.github.mvysny.fakeservlet.FakeHttpSession session) {
        FakeRequest request = new FakeRequest(session) {
            @Override
            public Principal getUserPrincipal() {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth;
            }
        };
        request.setUserInRole((principal, role) -> principal instanceof Authentication auth
                && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority())));
        return request;
    }

    /**
     * Sets a value as a person would: refused on a disabled or read-only field, and the change counts as coming from
     * the browser. Karibu 2.6.2's own {@code _setValue} calls a Vaadin-internal method that Vaadin 25 no longer has
     * (NoSuchMethodException on AbstractFieldSupport.setValue), so this goes through AbstractField's own hook.
     */
    public static <V> void setValue(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        if (!component.getElement().isEnabled()) {
            throw new AssertionError(component + " is disabled");
        }
        if (field.isReadOnly()) {
            throw new AssertionError(component + " is read-only");
        }
        if (field instanceof AbstractField<?, ?>) {
            try {
                Method setModelValue =
                        AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
                setModelValue.setAccessible(true);
                setModelValue.invoke(field, value, true);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        } else {
            field.setValue(value);
        }
    }

    /** Navigates as a typed address or a followed link would, query string included ("frameworks?req=1"). */
    public static void navigate(String location) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent()
                    .navigate(
                            location.substring(0, query),
                            com.vaadin.flow.router.QueryParameters.fromString(location.substring(query + 1)));
        }
    }

    public static void close() {
        MockVaadin.tearDown();
        TestAccounts.signOut();
    }
}
