package dev.aegis.monitor;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LLM risk signals ({@code aegis.monitor.llm.*}, docs/monitor.md "LLM calls").
 *
 * @param currency             the currency of the price table, shown with the cost figures
 * @param prices               price per million input and output tokens, by model name as events report it
 *                             ({@code aegis.monitor.llm.prices[gpt-4o-mini].input-per-million=0.15}); a model not in
 *                             the table has no cost unless its events carry one
 * @param personalDataPatterns this installation's own personal-data patterns (name → Java regular expression, e.g.
 *                             an employee number), found in prompts and responses besides the built-in kinds
 */
@ConfigurationProperties("aegis.monitor.llm")
public record LlmSettings(
        @DefaultValue("USD") String currency, Map<String, Price> prices, Map<String, String> personalDataPatterns) {

    /** What a million tokens cost. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

    public LlmSettings {
        prices = prices == null ? Map.of() : new LinkedHashMap<>(prices);
        personalDataPatterns = personalDataPatterns == null ? Map.of() : new LinkedHashMap<>(personalDataPatterns);
    }
}
