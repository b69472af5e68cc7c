package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every role's screens on the demo register, in headless Chromium at 1280 and 1920 px: the dashboard's cards keep
 * their text boxes apart, and every route of the menu is opened from the menu, timed until its content is there
 * and photographed ({@code target/screens/}). The timings go to {@code target/screens/route-timings.md} for
 * docs/benchmarks.md; they are recorded, never asserted (the machine is shared).
 *
 * <p>It starts an Aegis of its own with the demo content ({@code AEGIS_DEMO=true}) on a database of its own, so the
 * demo register is exactly what a new user sees.
 */
class ScreensBrowserTest {

    static final String PASSWORD = "Demo-Screens-Walnut-42";
    static final List<String> ROLES =
            List.of("demo-officer", "demo-owner", "demo-auditor", "demo-vendor-manager", "demo-admin");
    static final int[] WIDTHS = {1280, 1920};
    static final Path OUT = Path.of("target", "screens");
    static final String DATABASE = "aegis_screens_" + Long.toHexString(System.nanoTime());

    static RunningAegis aegis;

    @TempDir
    Path profile;

    @BeforeAll
    static void startDemo() throws Exception {
        sql("create database " + DATABASE);
        String url = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1) + DATABASE;
        aegis = RunningAegis.start(
                "spring.datasource.url=" + url,
                "aegis.demo=true",
                "aegis.demo-password=" + PASSWORD,
                "aegis.admin-password=" + AegisTest.ADMIN_PASSWORD,
                "vaadin.devmode.devTools.enabled=false");
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (aegis != null) {
            aegis.close();
        }
        sql("drop database if exists " + DATABASE + " with (force)");
    }

    @Test
    void each_roles_dashboard_keeps_its_text_apart_and_every_menu_route_opens_and_is_timed() throws Exception {
        Map<String, Map<String, long[]>> timings = new LinkedHashMap<>();
        List<String> overlaps = new ArrayList<>();
        for (String user : ROLES) {
            try (Browser browser = Browser.open(profile.resolve(user), "screens-" + user)) {
                String base = "http://localhost:" + aegis.port();
                browser.get(base + "/");
                browser.waitFor(ExpectedConditions.urlContains("/login"));
                browser.signIn(user, PASSWORD);
                browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
                Map<String, long[]> routes = new LinkedHashMap<>();
                for (int w = 0; w < WIDTHS.length; w++) {
                    int width = WIDTHS[w];
                    browser.driver.manage().window().setSize(new Dimension(width, 1000));
                    List<String> paths = menuPaths(browser);
                    for (String path : paths) {
                        long ms = open(browser, path);
                        routes.computeIfAbsent(path.isEmpty() ? "/" : path, p -> new long[WIDTHS.length])[w] = ms;
                        String shot =
                                user + "-" + (path.isEmpty() ? "dashboard" : path.replace('/', '_')) + "-" + width;
                        if (path.isEmpty()) {
                            overlaps.addAll(dashboardOverlaps(browser, user, width));
                            // the whole dashboard in one picture: the window as tall as its cards
                            Number tall = (Number) ((JavascriptExecutor) browser.driver)
                                    .executeScript("return document.getElementById('dashboard').scrollHeight + 120;");
                            browser.driver
                                    .manage()
                                    .window()
                                    .setSize(new Dimension(width, Math.max(1000, tall.intValue())));
                            browser.saveScreenshot(OUT.resolve(shot + "-full.png"));
                            browser.driver.manage().window().setSize(new Dimension(width, 1000));
                        }
                        browser.saveScreenshot(OUT.resolve(shot + ".png"));
                    }
                }
                timings.put(user, routes);
            }
        }
        Files.writeString(OUT.resolve("route-timings.md"), table(timings));
        assertThat(overlaps)
                .as("text boxes of the dashboard's cards that overlap")
                .isEmpty();
    }

    /** The routes of the side menu in menu order, the dashboard ("") last: the walk starts on the dashboard. */
    @SuppressWarnings("unchecked")
    private static List<String> menuPaths(Browser browser) {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main-nav vaadin-side-nav-item")));
        return (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript("return [...document.querySelectorAll('#main-nav vaadin-side-nav-item')]"
                        + ".map(i => (i.getAttribute('path') || '').replace(/^\\//, ''))"
                        + ".sort((a, b) => (a === '') - (b === ''));");
    }

    /**
     * Clicks the route's menu item and answers the milliseconds until the new view is in the page and Vaadin has no
     * request in flight (the grids' first page included), measured in the browser.
     */
    private static long open(Browser browser, String path) {
        Object ms = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const path = arguments[0], done = arguments[arguments.length - 1];
                const layout = document.querySelector('vaadin-app-layout');
                const old = layout && [...layout.children].find(c => !c.hasAttribute('slot'));
                if (old) old.setAttribute('data-left', '');
                const item = [...document.querySelectorAll('#main-nav vaadin-side-nav-item')]
                    .find(i => (i.getAttribute('path') || '').replace(/^\\//, '') === path);
                const idle = () => Object.values(window.Vaadin?.Flow?.clients || {}).every(c => !c.isActive || !c.isActive());
                const start = performance.now();
                let calm = 0;
                (item.shadowRoot?.querySelector('a') || item).click();
                const poll = () => {
                    const now = [...layout.children].find(c => !c.hasAttribute('slot') && !c.hasAttribute('data-left'));
                    const ready = now && now.children.length > 0 && idle();
                    calm = ready ? calm + 1 : 0;
                    // two quiet checks in a row: a grid asks for its first rows right after the view arrives
                    if (calm >= 2) { done(Math.round(performance.now() - start - 10)); return; }
                    if (performance.now() - start > 30000) { done(-1); return; }
                    setTimeout(poll, 10);
                };
                setTimeout(poll, 0);
                """, path);
        return ((Number) ms).longValue();
    }

    /** Pairs of text boxes inside the same dashboard card that overlap by more than a pixel, described. */
    @SuppressWarnings("unchecked")
    private static List<String> dashboardOverlaps(Browser browser, String user, int width) {
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
        return found.stream().map(o -> user + " at " + width + " px: " + o).toList();
    }

    private static String table(Map<String, Map<String, long[]>> timings) {
        StringBuilder md = new StringBuilder("| role | route | 1280 px (ms) | 1920 px (ms) |\n|---|---|---|---|\n");
        timings.forEach((user, routes) -> routes.forEach((route, ms) ->
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d |%n", user, route, ms[0], ms[1]))));
        return md.toString();
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
