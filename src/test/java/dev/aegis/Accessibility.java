package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's Selenium binding, which carries axe itself: nothing is fetched at run time) run on the page a
 * browser test shows. A page passes with no serious or critical violation; the failure lists each violated rule with
 * its impact, help text and the elements it found.
 */
public final class Accessibility {

    private static final Set<String> FAILING = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** Runs axe on the page {@code driver} shows now and fails on any serious or critical violation. */
    public static void assertNoSeriousViolations(WebDriver driver, String pageName) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact())).toList();
        assertThat(serious).as(() -> "axe found serious or critical violations on " + pageName + ":\n"
                + serious.stream().map(Accessibility::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    /** The same for a {@link Browser}. */
    public static void assertNoSeriousViolations(Browser browser, String pageName) {
        assertNoSeriousViolations(browser.driver, pageName);
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + rule.getNodes().stream()
                .map(n -> "    " + n.getTarget() + (n.getFailureSummary() == null ? ""
                        : " — " + n.getFailureSummary().replace('\n', ' ')))
                .collect(Collectors.joining("\n"));
    }
}
