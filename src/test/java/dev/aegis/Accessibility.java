package dev.aegis;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core (bundled by Deque's Selenium integration) on the page a browser test shows. */
public final class Accessibility {

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private Accessibility() {}

    /**
     * Runs axe-core on the current page and fails when it finds a serious or critical violation, listing each rule
     * (id, impact, help) with the elements it found.
     */
    public static void assertNoSeriousViolations(WebDriver driver, String pageName) {
        // legacy mode without frame testing: Aegis has no frames, and the default mode opens a blank window to finish
        // the run, which leaves the driver on the wrong window when the machine is slow
        Results results =
                new AxeBuilder().setLegacyMode(true).disableIframeTesting().analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("axe-core found " + serious.size() + " serious or critical violation(s) on "
                    + pageName + " (" + driver.getCurrentUrl() + "):\n"
                    + serious.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    /** The same for a {@link Browser}. */
    public static void assertNoSeriousViolations(Browser browser, String pageName) {
        assertNoSeriousViolations(browser.driver, pageName);
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
                + rule.getNodes().stream()
                        .map(node -> node.getTarget() + " "
                                + String.valueOf(node.getFailureSummary()).replace('\n', ' '))
                        .collect(Collectors.joining("\n    "));
    }
}
