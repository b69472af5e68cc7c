package dev.aegis.monitor.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prompt-injection indicators: a curated set of patterns seen in direct and indirect injection attempts, each citing
 * the technique or risk it indicates (MITRE ATLAS AML.T0051 "LLM Prompt Injection", its sub-techniques .000 direct and
 * .001 indirect, and OWASP LLM01:2025 "Prompt Injection"), with a weight. A text's score combines the weights of the
 * patterns it matches as independent evidence, 1 − Π(1 − w); a score of at least {@link #FLAG} flags the text.
 * Each pattern is tried only when one of its cue words occurs, so ordinary text costs one lower-casing and a few searches.
 */
public final class PromptInjection {

    /** The score from which a text counts as an injection attempt. */
    public static final double FLAG = 0.5;

    /** One indicator: what it looks for, the reference it cites, how strongly it indicates an attempt. */
    public record Indicator(
            String id, String description, String reference, double weight, List<String> cues, Pattern pattern) {}

    /** A text's score and the indicators it matched. */
    public record Verdict(double score, List<String> indicators) {
        public boolean flagged() {
            return score >= FLAG;
        }
    }

    private static final String DIRECT = "MITRE ATLAS AML.T0051.000 (direct prompt injection); OWASP LLM01:2025";
    private static final String INDIRECT = "MITRE ATLAS AML.T0051.001 (indirect prompt injection); OWASP LLM01:2025";
    private static final String JAILBREAK = "MITRE ATLAS AML.T0054 (LLM jailbreak) via AML.T0051; OWASP LLM01:2025";

    /** The curated set (docs/monitor.md lists it). */
    public static final List<Indicator> INDICATORS = List.of(
            new Indicator(
                    "override-instructions",
                    "Tells the model to ignore, forget or disregard its earlier instructions",
                    DIRECT,
                    0.9,
                    List.of("ignor", "disregard", "forget", "skip", "overlook", "bypass"),
                    Pattern.compile(
                            "\\b(?:ignore|disregard|forget|skip|overlook|bypass)\\b(?:\\s+\\w+){0,4}?\\s+"
                                    + "(?:previous|prior|above|earlier|preceding|initial|original|system|all|your|any)\\s+"
                                    + "(?:\\w+\\s+){0,2}(?:instructions?|rules|prompts?|directions|guidelines|directives|context)")),
            new Indicator(
                    "new-instructions",
                    "Announces new or overriding instructions",
                    DIRECT,
                    0.7,
                    List.of("instruction", "override"),
                    Pattern.compile(
                            "\\b(?:new|updated|real|actual|override|overriding)\\s+(?:system\\s+)?instructions?\\s*[:\\-]"
                                    + "|\\boverride\\s+(?:your|the|all)\\s+(?:instructions|rules|guidelines|programming)")),
            new Indicator(
                    "reveal-system-prompt",
                    "Asks for the system prompt or hidden instructions",
                    DIRECT,
                    0.75,
                    List.of("prompt", "instruction"),
                    Pattern.compile(
                            "\\b(?:reveal|print|show|repeat|output|display|tell me|leak|dump|what (?:is|are|was|were))\\b"
                                    + "(?:\\s+\\w+){0,4}?\\s+(?:system\\s+prompt|initial\\s+(?:prompt|instructions)|hidden\\s+"
                                    + "(?:prompt|instructions)|(?:original|secret)\\s+instructions|instructions\\s+above)")),
            new Indicator(
                    "persona-jailbreak",
                    "Switches the model into an unrestricted persona (DAN, developer mode, jailbroken)",
                    JAILBREAK,
                    0.85,
                    List.of("anything now", "dan", "developer mode", "jailbr", "god mode", "godmode", "unfiltered"),
                    Pattern.compile("\\bdo anything now\\b|\\byou are (?:now )?dan\\b|\\bdeveloper mode\\b"
                            + "|\\bjailbr(?:oken|eak)\\b|\\bgod ?mode\\b|\\bunfiltered (?:ai|mode|assistant)\\b")),
            new Indicator(
                    "no-restrictions",
                    "Asks the model to act without restrictions, filters or rules",
                    JAILBREAK,
                    0.6,
                    List.of(
                            "without",
                            "with no",
                            "free of",
                            "free from",
                            "ignoring",
                            "no rules",
                            "no restrictions",
                            "no limits",
                            "no filters"),
                    Pattern.compile("\\b(?:without|with no|free (?:of|from)|ignoring)\\s+(?:any\\s+|all\\s+|your\\s+)?"
                            + "(?:restrictions|filters|limitations|censorship|guidelines|safety|rules|ethical)"
                            + "|\\bno (?:rules|restrictions|limits|filters) apply\\b")),
            new Indicator(
                    "pretend-role",
                    "Asks the model to pretend or act as an unaligned character",
                    JAILBREAK,
                    0.5,
                    List.of("pretend", "act ", "behave", "roleplay", "role-play"),
                    Pattern.compile(
                            "\\b(?:pretend|act|behave|roleplay|role-play)\\s+(?:to be|you are|as|like)\\s+"
                                    + "(?:an?\\s+)?(?:evil|unrestricted|uncensored|unfiltered|rogue|malicious|amoral|unethical)")),
            new Indicator(
                    "bypass-safety",
                    "Asks to bypass or disable safety measures, filters or guardrails",
                    DIRECT,
                    0.8,
                    List.of("bypass", "disable", "turn off", "circumvent", "evade", "deactivate"),
                    Pattern.compile("\\b(?:bypass|disable|turn off|circumvent|evade|deactivate)\\s+(?:\\w+\\s+){0,2}"
                            + "(?:safety|content|moderation|filters?|guardrails?|restrictions|safeguards)")),
            new Indicator(
                    "role-markers",
                    "Carries chat-template or role markers that try to speak as the system",
                    INDIRECT,
                    0.8,
                    List.of("<|", "system>", "[system", "[/system", "[inst", "[/inst", "##", "<<sys"),
                    Pattern.compile(
                            "<\\|im_start\\|>\\s*system|<\\|system\\|>|</?system>|\\[/?(?:system|inst)\\]"
                                    + "|^\\s*#{2,}\\s*(?:system|instruction)s?\\s*:|<<sys>>",
                            Pattern.MULTILINE)),
            new Indicator(
                    "hidden-instructions-for-ai",
                    "Text addressed to an AI assistant reading it (indirect injection in documents, web pages, e-mails)",
                    INDIRECT,
                    0.7,
                    List.of(
                            "note to",
                            "note for",
                            "message to",
                            "message for",
                            "instruction to",
                            "instructions to",
                            "instruction for",
                            "instructions for",
                            "if you are a",
                            "ai assistant"),
                    Pattern.compile(
                            "\\b(?:note|message|instructions?) (?:to|for) (?:the )?(?:ai|assistant|llm|model|chatbot)\\b"
                                    + "|\\bif you are an? (?:ai|llm|language model|assistant)\\b|\\bai assistants? (?:must|should) (?:now )?")),
            new Indicator(
                    "exfiltration-link",
                    "Asks to render a link or image whose address carries data out (markdown image exfiltration)",
                    INDIRECT,
                    0.6,
                    List.of("!["),
                    Pattern.compile("!\\[[^\\]]*\\]\\(https?://[^)\\s]+[?&][\\w-]+=(?:\\{|\\$|%7b|\\[)")),
            new Indicator(
                    "encoded-payload",
                    "Asks to decode and follow an encoded payload",
                    DIRECT,
                    0.5,
                    List.of("decode", "base64", "rot13", "hex"),
                    Pattern.compile("\\b(?:decode|base64|rot13|hex)\\b[^.\\n]{0,60}\\b(?:follow|execute|run|obey|do)\\b"
                            + "(?:\\s+\\w+){0,2}\\s+(?:it|instructions?|them|what it says)")));

    private PromptInjection() {}

    /** Scores {@code text}; null or empty text scores 0. */
    public static Verdict score(String text) {
        if (text == null || text.isEmpty()) {
            return new Verdict(0, List.of());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        double miss = 1;
        List<String> hits = new ArrayList<>(2);
        for (Indicator indicator : INDICATORS) {
            if (!anyCue(lower, indicator.cues())) {
                continue;
            }
            if (indicator.pattern().matcher(lower).find()) {
                miss *= 1 - indicator.weight();
                hits.add(indicator.id());
            }
        }
        return new Verdict(1 - miss, hits);
    }

    private static boolean anyCue(String lower, List<String> cues) {
        for (String cue : cues) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
