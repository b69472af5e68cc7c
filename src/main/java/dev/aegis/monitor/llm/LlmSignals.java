package dev.aegis.monitor.llm;

import java.util.Set;

/**
 * The risk signals of one LLM call, computed from its prompt and response (either may be absent). This is all the
 * monitor keeps of the text.
 *
 * @param promptPersonalData   kinds of personal data in the prompt
 * @param responsePersonalData kinds of personal data in the response
 * @param injectionScore       the prompt's prompt-injection score (0–1; {@link PromptInjection#FLAG} and above flags it)
 * @param injectionIndicators  ids of the injection indicators the prompt matched
 * @param refusal              whether the response declines the request
 * @param outputChars          the response's length in characters (null without a response)
 */
public record LlmSignals(
        Set<PersonalData.Kind> promptPersonalData,
        Set<PersonalData.Kind> responsePersonalData,
        double injectionScore,
        java.util.List<String> injectionIndicators,
        boolean refusal,
        Integer outputChars) {

    /** Scans a prompt and a response with {@code personalData} (the deployment's detector). */
    public static LlmSignals scan(PersonalData personalData, String prompt, String response) {
        var injection = PromptInjection.score(prompt);
        return new LlmSignals(
                personalData.find(prompt),
                personalData.find(response),
                injection.score(),
                injection.indicators(),
                Refusals.refused(response),
                response == null ? null : response.length());
    }

    public boolean injectionFlagged() {
        return injectionScore >= PromptInjection.FLAG;
    }
}
