package dev.aegis.monitor.llm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a response declines the request ("I'm sorry, but I can't help with that"). Refusals open an answer, so
 * only its first 400 characters are read: a long answer that mentions "I cannot" later on is no refusal.
 */
public final class Refusals {

    private static final int HEAD = 400;
    private static final Pattern REFUSAL = Pattern.compile(
            "\\b(?:i(?:'m| am)? (?:sorry|afraid),? (?:but )?i (?:can(?:no|')t|am unable to|won't|will not|must decline)"
                    + "|i (?:can(?:no|')t|cannot|am unable to|won't|will not|am not able to) (?:help|assist|comply|provide|do that|fulfil|fulfill|share|support|create|generate|answer|write)"
                    + "|i must (?:decline|refuse)|i(?:'m| am) not (?:able|allowed|permitted) to (?:help|assist|provide|share|do)"
                    + "|as an ai(?: language model)?,? i (?:can(?:no|')t|cannot|am not able|don't|do not)"
                    + "|(?:this|that|your) request (?:violates|goes against|is against)"
                    + "|i(?:'m| am) unable to (?:help|assist|comply|provide|fulfil|fulfill))");

    private Refusals() {}

    public static boolean refused(String response) {
        if (response == null || response.isEmpty()) {
            return false;
        }
        String head = response.length() > HEAD ? response.substring(0, HEAD) : response;
        return REFUSAL.matcher(head.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
    }
}
