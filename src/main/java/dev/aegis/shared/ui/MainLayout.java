package dev.aegis.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The application shell: navigation built from the views the signed-in user may open (views register themselves
 * with {@code @Menu}), the user's name, the theme switch and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), userBar());
        ThemeSwitch.applyStored(this);
    }

    private Component brand() {
        H1 title = new H1("Aegis");
        title.addClassNames("aegis-brand");
        Span tagline = new Span("AI governance register");
        tagline.addClassNames("aegis-tagline");
        Div brand = new Div(title, tagline);
        brand.addClassNames("aegis-brand-box");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component userBar() {
        String name = authentication.getPrincipalName().orElse("");
        Span user = new Span(new Icon(VaadinIcon.USER), new Span(name));
        user.setId("current-user");
        user.addClassNames("aegis-user");
        Button theme = ThemeSwitch.button();
        Button logout = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(user, theme, logout);
        bar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        bar.addClassNames("aegis-userbar");
        return bar;
    }
}
