package dev.aegis.monitor;

import dev.aegis.monitor.llm.LlmSignals;
import dev.aegis.monitor.llm.PersonalData;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event's LLM call (model, tokens, prompt, response) into what the monitor keeps of it: the model, tokens,
 * cost from the price table, and the risk signals of {@link LlmSignals}. The prompt and response are scanned and
 * dropped here; they never reach the database.
 */
@Component
@WhenMonitorEnabled
class LlmScanner {

    /** An LLM call as an event (or an OTLP span) reports it. Any part may be missing. */
    record Call(
            String model,
            String provider,
            String operation,
            String prompt,
            String response,
            Long inputTokens,
            Long outputTokens,
            String finishReason,
            Double cost) {}

    private final PersonalData personalData;
    private final List<Pattern> installationPatterns;
    private final LlmSettings settings;
    private final JsonMapper json;
    /** Per deployment (by id): its version and the detector with its own patterns added, made once per version. */
    private final Map<Long, Map.Entry<Long, PersonalData>> byDeployment =
            new java.util.concurrent.ConcurrentHashMap<>();

    LlmScanner(LlmSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.installationPatterns = settings.personalDataPatterns().entrySet().stream()
                .map(e -> compile(e.getKey(), e.getValue()))
                .toList();
        this.personalData = new PersonalData(installationPatterns);
    }

    /**
     * The signals of a call to this deployment: its own personal-data patterns count besides the installation's, and
     * when it keeps raw text ({@link Deployment#getRawTextDays()}) the prompt and response are kept under "text".
     */
    String signals(Call call, Deployment deployment) {
        if (deployment == null || deployment.getId() == null) {
            return signals(call);
        }
        PersonalData detector = personalData;
        if (!deployment.getPersonalDataPatterns().isEmpty()) {
            var cached = byDeployment.get(deployment.getId());
            if (cached == null || cached.getKey() != deployment.getVersion()) {
                List<Pattern> all = new java.util.ArrayList<>(installationPatterns);
                // checked when they were set; compiled here without the probes
                deployment.getPersonalDataPatterns().forEach(p -> all.add(Pattern.compile(p.regex())));
                cached = Map.entry(deployment.getVersion(), new PersonalData(all));
                byDeployment.put(deployment.getId(), cached);
            }
            detector = cached.getValue();
        }
        return signals(call, detector, deployment.getRawTextDays() != null);
    }

    private static Pattern compile(String name, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(
                    "aegis.monitor.llm.personal-data-patterns." + name + " is no regular expression: "
                            + e.getDescription(),
                    e);
        }
    }

    /** The JSON kept with the event ({@code monitor.event.llm}). */
    String signals(Call call) {
        return signals(call, personalData, false);
    }

    private String signals(Call call, PersonalData personalData, boolean keepText) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "model", call.model());
        put(out, "provider", call.provider());
        put(out, "operation", call.operation());
        put(out, "inputTokens", call.inputTokens());
        put(out, "outputTokens", call.outputTokens());
        put(out, "finishReason", call.finishReason());
        put(
                out,
                "cost",
                call.cost() != null ? call.cost() : cost(call.model(), call.inputTokens(), call.outputTokens()));
        LlmSignals s = LlmSignals.scan(personalData, call.prompt(), call.response());
        if (call.prompt() != null) {
            out.put("promptPersonalData", s.promptPersonalData());
            out.put("injectionScore", Math.round(s.injectionScore() * 1e4) / 1e4);
            if (!s.injectionIndicators().isEmpty()) {
                out.put("injectionIndicators", s.injectionIndicators());
            }
        }
        if (call.response() != null) {
            out.put("responsePersonalData", s.responsePersonalData());
            out.put("refusal", s.refusal());
            out.put("outputChars", s.outputChars());
        }
        if (keepText && (call.prompt() != null || call.response() != null)) {
            // the deployment opted in: kept for investigation until RawTexts purges it
            Map<String, Object> text = new LinkedHashMap<>();
            put(text, "prompt", call.prompt());
            put(text, "response", call.response());
            out.put("text", text);
        }
        return json.writeValueAsString(out);
    }

    /** From the price table; null when the model or a token count is unknown. */
    Double cost(String model, Long inputTokens, Long outputTokens) {
        LlmSettings.Price price = model == null ? null : settings.prices().get(model);
        if (price == null || inputTokens == null && outputTokens == null) {
            return null;
        }
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        BigDecimal cost = BigDecimal.ZERO;
        if (inputTokens != null && price.inputPerMillion() != null) {
            cost = cost.add(price.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens)));
        }
        if (outputTokens != null && price.outputPerMillion() != null) {
            cost = cost.add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)));
        }
        return cost.divide(million, MathContext.DECIMAL64).doubleValue();
    }

    /** The personal-data kinds a window's figures are given for (custom only when patterns are configured). */
    List<PersonalData.Kind> kinds() {
        return kinds(null);
    }

    /** As {@link #kinds()}, with the custom kind also when the deployment has patterns of its own. */
    List<PersonalData.Kind> kinds(Deployment deployment) {
        boolean custom = !settings.personalDataPatterns().isEmpty()
                || deployment != null && !deployment.getPersonalDataPatterns().isEmpty();
        return java.util.Arrays.stream(PersonalData.Kind.values())
                .filter(k -> k != PersonalData.Kind.CUSTOM || custom)
                .toList();
    }

    String currency() {
        return settings.currency();
    }

    private static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
