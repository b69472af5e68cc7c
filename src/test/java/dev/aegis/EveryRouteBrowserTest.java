package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.security.AegisUser;
import dev.aegis.vendor.AssessmentService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One walk over every route of every role, on the demo register, in one headless Chromium: each demo user signs in
 * once and opens every entry of the side menu (plus a system's page, and for the officer an ATLAS technique) by
 * clicking it, as a person would. For each route the walk
 *
 * <ul>
 *   <li>times it: from the click until the view is in the page and Vaadin has no request in flight, measured in the
 *       browser; the figures go to {@code target/screenshots/route-timings.md} for docs/benchmarks.md and are never
 *       asserted (the machine is shared);
 *   <li>runs axe-core and fails on any serious or critical violation (the sign-in page and the vendor portal too);
 *   <li>photographs it at 1280 and 1920 px into {@code target/screenshots/<role>/<route>-<width>.png} for a person to
 *       look at; with {@code -Daegis.screenshots.docs=true} the README's pictures are copied into
 *       {@code docs/screenshots/};
 *   <li>on the dashboard, at both widths, fails when text boxes of a card (or two cards) overlap.
 * </ul>
 *
 * <p>It starts an Aegis of its own with the demo content ({@code AEGIS_DEMO=true}) on a database of its own, so the
 * register is exactly what a new user sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteBrowserTest {

    static final String PASSWORD = "Demo-Screens-Walnut-42";
    static final int[] WIDTHS = {1280, 1920};
    static final Path OUT = Path.of("target", "screenshots");
    static final String DATABASE = "aegis_routes_" + Long.toHexString(System.nanoTime());

    /** The README's pictures: screenshot under {@link #OUT} → name under docs/screenshots. */
    static final Map<String, String> DOCS = Map.of(
            "officer/dashboard-1280.png", "officer-dashboard.png",
            "officer/clinic-system-1280.png", "system-page.png",
            "officer/coverage-1280.png", "coverage.png",
            "officer/monitor-1280.png", "monitor.png",
            "auditor/dashboard-1280.png", "auditor-dashboard.png",
            "vendor-portal/portal-1280.png", "vendor-portal.png");

    RunningAegis aegis;
    JdbcTemplate jdbc;
    Browser browser;
    String base;
    final Map<String, Map<String, Long>> timings = new LinkedHashMap<>();

    @BeforeAll
    void startTheDemoAndABrowser(@TempDir Path profile) throws Exception {
        sql("create database " + DATABASE);
        String url = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1) + DATABASE;
        aegis = RunningAegis.start(
                "spring.datasource.url=" + url,
                "aegis.demo=true",
                "aegis.demo-password=" + PASSWORD,
                "aegis.admin-password=" + AegisTest.ADMIN_PASSWORD,
                "vaadin.devmode.devTools.enabled=false");
        jdbc = aegis.context().getBean(JdbcTemplate.class);
        base = "http://localhost:" + aegis.port();
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("axe-report.txt"));
        browser = Browser.open(profile, "every-route");
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (!timings.isEmpty()) {
                String table = table(timings);
                Files.writeString(OUT.resolve("route-timings.md"), table);
                System.out.println("Route timings (ms, click to content shown, 1280 px):\n" + table);
            }
            if (Boolean.getBoolean("aegis.screenshots.docs")) {
                copyDocsScreenshots();
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
            if (aegis != null) {
                aegis.close();
            }
            sql("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo-officer", "demo-owner", "demo-auditor", "demo-vendor-manager", "demo-admin"})
    void every_route_of_the_role_passes_axe_and_its_dashboard_keeps_its_text_apart(String user) throws Exception {
        String role = user.substring("demo-".length());
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new Dimension(WIDTHS[0], 1000));
        browser.get(base + "/");
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        waitUntilSettled(browser);
        List<String> failures = new ArrayList<>();
        if (user.equals("demo-officer")) {
            browser.waitFor(driver -> !driver.getTitle().isBlank());
            check(() -> Accessibility.assertNoSeriousViolations(browser.driver, "sign-in page"), failures);
        }
        browser.signIn(user, PASSWORD);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        waitUntilSettled(browser);

        Map<String, Long> routes = new LinkedHashMap<>();
        for (String path : menuPaths(browser)) {
            String name = path.isEmpty() ? "dashboard" : path.replaceAll("[^A-Za-z0-9]+", "-");
            routes.put(path.isEmpty() ? "/" : "/" + path, open(browser, "menu", path));
            visit(role, name, failures);
            if (path.equals("atlas") && user.equals("demo-officer")) {
                aMatrixCardOpensItsTechniqueWithoutReloadingThePage();
            }
        }
        // pages reached from a register, not the menu: the flagship system's page, an ATLAS technique
        if (!user.equals("demo-vendor-manager")) {
            routes.put("/systems/<clinic>", open(browser, "push", "/systems/" + clinic()));
            visit(role, "clinic-system", failures);
        }
        if (user.equals("demo-officer")) {
            routes.put("/frameworks/MITRE-ATLAS?req=<AML.T0051>", open(browser, "push", atlasTechnique()));
            visit(role, "atlas-technique", failures);
        }
        timings.put(role, routes);
        // written after each role too, so a walk cut short on a loaded machine still leaves its figures
        Files.writeString(OUT.resolve("route-timings.md"), table(timings));
        assertThat(routes).hasSizeGreaterThan(5);
        assertThat(failures).as("%s: routes %s", user, routes.keySet()).isEmpty();
    }

    /** The vendor portal of the demo's assessment in progress, opened through a link the vendor manager issues. */
    @Test
    void the_vendor_portal_passes_axe() throws Exception {
        var users = aegis.context().getBean(UserDetailsService.class);
        AegisUser manager = (AegisUser) users.loadUserByUsername("demo-vendor-manager");
        long assessment = jdbc.queryForObject(
                "select id from vendor.assessment where state = 'IN_PROGRESS' order by id limit 1", Long.class);
        String page;
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(manager, "", manager.getAuthorities()));
        try {
            page = aegis.context()
                    .getBean(AssessmentService.class)
                    .issueLink(assessment)
                    .page();
        } finally {
            SecurityContextHolder.clearContext();
        }
        browser.driver.manage().window().setSize(new Dimension(WIDTHS[0], 1000));
        browser.get(base + page);
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("progress-text"), "required questions answered"));
        for (int width : WIDTHS) {
            browser.driver.manage().window().setSize(new Dimension(width, 1000));
            browser.saveScreenshot(OUT.resolve(Path.of("vendor-portal", "portal-" + width + ".png")));
        }
        Accessibility.assertNoSeriousViolations(browser.driver, "vendor portal");
    }

    /** The route just opened at 1280 px: axe, screenshots at both widths, on the dashboard the overlap check. */
    private void visit(String role, String name, List<String> failures) throws Exception {
        Path dir = OUT.resolve(role);
        for (int width : WIDTHS) {
            if (width != WIDTHS[0]) {
                browser.driver.manage().window().setSize(new Dimension(width, 1000));
                waitUntilSettled(browser);
            }
            browser.saveScreenshot(dir.resolve(name + "-" + width + ".png"));
            if (name.equals("dashboard")) {
                failures.addAll(dashboardOverlaps(browser, role, width));
                // the whole dashboard in one picture: the window as tall as its cards
                Number tall = (Number) ((JavascriptExecutor) browser.driver)
                        .executeScript("return document.getElementById('dashboard').scrollHeight + 120;");
                browser.driver.manage().window().setSize(new Dimension(width, Math.max(1000, tall.intValue())));
                browser.saveScreenshot(dir.resolve(name + "-" + width + "-full.png"));
                browser.driver.manage().window().setSize(new Dimension(width, 1000));
            }
            if (width == WIDTHS[0]) {
                check(() -> Accessibility.assertNoSeriousViolations(browser.driver, role + " " + name), failures);
            }
        }
        browser.driver.manage().window().setSize(new Dimension(WIDTHS[0], 1000));
    }

    /** The ATLAS matrix is one block of markup: its cards must still be links the router follows, in place. */
    private void aMatrixCardOpensItsTechniqueWithoutReloadingThePage() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript(
                "window.__sameDocument = true;" + "document.querySelector('#atlas-matrix a[data-id]').click();");
        browser.waitFor(ExpectedConditions.urlContains("/frameworks/MITRE-ATLAS"));
        waitUntilSettled(browser);
        assertThat(js.executeScript("return window.__sameDocument === true"))
                .as("the card opened its technique inside the running application")
                .isEqualTo(true);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("framework-tree")));
    }

    private static void check(Runnable assertion, List<String> failures) throws Exception {
        try {
            assertion.run();
        } catch (AssertionError e) {
            failures.add(e.getMessage());
            Files.writeString(
                    OUT.resolve("axe-report.txt"),
                    e.getMessage() + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private long clinic() {
        return jdbc.queryForObject(
                "select id from inventory.ai_system where name = ?", Long.class, DemoStoryIntegrationTest.CLINIC);
    }

    private String atlasTechnique() {
        return "/frameworks/MITRE-ATLAS?req="
                + jdbc.queryForObject(
                        "select r.id from framework.requirement r join framework.framework f on f.id = r.framework_id"
                                + " where f.code = 'MITRE-ATLAS' and r.ref_id = 'AML.T0051'",
                        Long.class);
    }

    /** The routes of the side menu in menu order, the dashboard ("") first: the walk starts there. */
    @SuppressWarnings("unchecked")
    private static List<String> menuPaths(Browser browser) {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main-nav vaadin-side-nav-item")));
        return (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript("return [...document.querySelectorAll('#main-nav vaadin-side-nav-item')]"
                        + ".map(i => (i.getAttribute('path') || '').replace(/^\\//, ''))"
                        + ".sort((a, b) => (b === '') - (a === ''));");
    }

    /**
     * Opens a route — by clicking its menu item ({@code how} "menu", the path as the menu names it) or by moving the
     * browser's history inside the running application ("push", an absolute path with its query) — and answers the
     * milliseconds until the new view is in the page and Vaadin has no request in flight (the grids' first page
     * included), measured in the browser. The dashboard, where the walk starts, is left and entered again so that it
     * is timed like the rest.
     */
    static long open(Browser browser, String how, String path) {
        Object ms = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const how = arguments[0], path = arguments[1], done = arguments[arguments.length - 1];
                const layout = document.querySelector('vaadin-app-layout');
                const content = () => [...layout.children].find(c => !c.hasAttribute('slot'));
                const idle = () => Object.values(window.Vaadin?.Flow?.clients || {}).every(c => !c.isActive || !c.isActive());
                const go = () => {
                    const old = content();
                    if (old) old.setAttribute('data-left', '');
                    const start = performance.now();
                    if (how === 'menu') {
                        const item = [...document.querySelectorAll('#main-nav vaadin-side-nav-item')]
                            .find(i => (i.getAttribute('path') || '').replace(/^\\//, '') === path);
                        (item.shadowRoot?.querySelector('a') || item).click();
                    } else {
                        window.history.pushState({}, '', path);
                        window.dispatchEvent(new PopStateEvent('popstate'));
                    }
                    let calm = 0;
                    const poll = () => {
                        const now = content();
                        const ready = now && !now.hasAttribute('data-left') && now.children.length > 0 && idle();
                        calm = ready ? calm + 1 : 0;
                        // two quiet checks in a row: a grid asks for its first rows right after the view arrives
                        if (calm >= 2) { done(Math.round(performance.now() - start - 10)); return; }
                        if (performance.now() - start > 30000) { done(-1); return; }
                        setTimeout(poll, 10);
                    };
                    setTimeout(poll, 0);
                };
                const here = window.location.pathname.replace(/^\\//, '');
                if (how === 'menu' && here === path) {
                    // already there (the dashboard after sign-in): step away to the account page first
                    window.history.pushState({}, '', 'account');
                    window.dispatchEvent(new PopStateEvent('popstate'));
                    const away = () => (window.location.pathname.endsWith('/account') && idle()
                        && content() && content().id !== 'dashboard' && !content().querySelector('#dashboard'))
                        ? setTimeout(go, 200) : setTimeout(away, 20);
                    setTimeout(away, 20);
                } else {
                    go();
                }
                """, how, path);
        waitUntilSettled(browser);
        return ((Number) ms).longValue();
    }

    /** Pairs of text boxes inside the same dashboard card, or cards, that overlap by more than a pixel, described. */
    @SuppressWarnings("unchecked")
    static List<String> dashboardOverlaps(Browser browser, String role, int width) {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dashboard .aegis-card")));
        List<String> found = (List<String>) ((JavascriptExecutor) browser.driver).executeScript("""
                const out = [];
                for (const card of document.querySelectorAll('#dashboard .aegis-card')) {
                    const boxes = [];
                    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        if (!node.textContent.trim()) continue;
                        const range = document.createRange();
                        range.selectNodeContents(node);
                        for (const r of range.getClientRects()) {
                            if (r.width > 0 && r.height > 0) boxes.push({text: node.textContent.trim().slice(0, 40), r});
                        }
                    }
                    for (let i = 0; i < boxes.length; i++) {
                        for (let j = i + 1; j < boxes.length; j++) {
                            const a = boxes[i].r, b = boxes[j].r;
                            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                            if (x > 1 && y > 1) out.push((card.id || 'card') + ': "' + boxes[i].text + '" / "' + boxes[j].text + '"');
                        }
                    }
                    const c = card.getBoundingClientRect();
                    for (const other of document.querySelectorAll('#dashboard .aegis-card')) {
                        if (other === card) continue;
                        const o = other.getBoundingClientRect();
                        const x = Math.min(c.right, o.right) - Math.max(c.left, o.left);
                        const y = Math.min(c.bottom, o.bottom) - Math.max(c.top, o.top);
                        if (x > 1 && y > 1) out.push('cards ' + card.id + ' and ' + other.id + ' overlap');
                    }
                }
                return out;
                """);
        return found.stream()
                .map(o -> role + " dashboard at " + width + " px, text boxes overlap: " + o)
                .toList();
    }

    /** Vaadin has drawn the route: its client is idle and no loading indicator shows. */
    static void waitUntilSettled(Browser browser) {
        browser.waitFor(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())"
                        + " && !document.querySelector('vaadin-connection-indicator[loading]')"));
    }

    /** One row per route, one column per role, in milliseconds; "–" where the role has no such route. */
    static String table(Map<String, Map<String, Long>> timings) {
        TreeSet<String> ordered = new TreeSet<>();
        List<String> routes = new ArrayList<>();
        timings.values()
                .forEach(r -> r.keySet().forEach(route -> {
                    if (ordered.add(route)) {
                        routes.add(route);
                    }
                }));
        StringBuilder md = new StringBuilder("| route |");
        timings.keySet().forEach(role -> md.append(' ').append(role).append(" |"));
        md.append("\n|---|").append("---|".repeat(timings.size())).append('\n');
        for (String route : routes) {
            md.append("| `").append(route).append("` |");
            timings.values()
                    .forEach(r -> md.append(' ')
                            .append(r.containsKey(route) ? String.format(Locale.ROOT, "%d", r.get(route)) : "–")
                            .append(" |"));
            md.append('\n');
        }
        return md.toString();
    }

    /** Copies the README's pictures from this walk into docs/screenshots (run from the project's directory). */
    private static void copyDocsScreenshots() throws Exception {
        Path docs = Path.of("docs", "screenshots");
        Files.createDirectories(docs);
        for (Map.Entry<String, String> shot : DOCS.entrySet()) {
            Path from = OUT.resolve(shot.getKey());
            if (Files.exists(from)) {
                Files.copy(from, docs.resolve(shot.getValue()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestDatabase.SERVER + "/postgres",
                        TestDatabase.USER,
                        TestDatabase.PASSWORD);
                var st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
