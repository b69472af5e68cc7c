package dev.aegis.monitor.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER (Valence Aware Dictionary and sEntiment Reasoner, Hutto &amp; Gilbert, ICWSM 2014), a port of the rules of
 * vaderSentiment's {@code SentimentIntensityAnalyzer} (MIT licence, C.J. Hutto) to Java, over the reference lexicon
 * and emoji lexicon shipped in {@code monitor/vader/}.
 *
 * <p>The port keeps the reference's behaviour, quirks included, so that its published scores come out the same:
 * booster and dampener words up to three tokens back (damped with distance), negations (also "n't" and "no"), ALL-CAPS
 * emphasis when only some words are capitalized, "never so/this", "without doubt", "least", idioms ("the bomb",
 * "kind of"), the contrastive "but" (including the reference's habit of re-scaling the first equal score), exclamation
 * and question marks, emoji replaced by their descriptions, normalisation with alpha 15 and the pos/neu/neg
 * proportions, rounded as Python's {@code round}. Thread-safe and immutable once loaded.
 */
public final class Vader {

    private static final double B_INCR = 0.293;
    private static final double B_DECR = -0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    private static final double ALPHA = 15;
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static final Set<String> NEGATE = Set.of(
            "aint",
            "arent",
            "cannot",
            "cant",
            "couldnt",
            "darent",
            "didnt",
            "doesnt",
            "ain't",
            "aren't",
            "can't",
            "couldn't",
            "daren't",
            "didn't",
            "doesn't",
            "dont",
            "hadnt",
            "hasnt",
            "havent",
            "isnt",
            "mightnt",
            "mustnt",
            "neither",
            "don't",
            "hadn't",
            "hasn't",
            "haven't",
            "isn't",
            "mightn't",
            "mustn't",
            "neednt",
            "needn't",
            "never",
            "none",
            "nope",
            "nor",
            "not",
            "nothing",
            "nowhere",
            "oughtnt",
            "shant",
            "shouldnt",
            "uhuh",
            "wasnt",
            "werent",
            "oughtn't",
            "shan't",
            "shouldn't",
            "uh-uh",
            "wasn't",
            "weren't",
            "without",
            "wont",
            "wouldnt",
            "won't",
            "wouldn't",
            "rarely",
            "seldom",
            "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit",
            3.0,
            "the bomb",
            3.0,
            "bad ass",
            1.5,
            "badass",
            1.5,
            "bus stop",
            0.0,
            "yeah right",
            -2.0,
            "kiss of death",
            -1.5,
            "to die for",
            3.0,
            "beating heart",
            3.1,
            "broken heart",
            -2.9);

    private final Map<String, Double> lexicon;
    private final Map<Integer, String> emoji;

    private Vader(Map<String, Double> lexicon, Map<Integer, String> emoji) {
        this.lexicon = lexicon;
        this.emoji = emoji;
    }

    /** Polarity scores as VADER reports them: compound to 4 decimals, the proportions to 3. */
    public record Scores(double compound, double pos, double neu, double neg) {}

    /** Loads the bundled lexicons (about 11,000 lines; a few milliseconds). */
    public static Vader load() {
        Map<String, Double> lexicon = new HashMap<>(16_384);
        for (String line : lines("monitor/vader/vader_lexicon.txt")) {
            String[] fields = line.strip().split("\t");
            lexicon.put(fields[0], Double.parseDouble(fields[1]));
        }
        Map<Integer, String> emoji = new HashMap<>(8_192);
        for (String line : lines("monitor/vader/emoji_utf8_lexicon.txt")) {
            String[] fields = line.strip().split("\t");
            // the reference looks emoji up one character at a time, so only single code point entries can match
            if (fields.length >= 2 && fields[0].codePointCount(0, fields[0].length()) == 1) {
                emoji.put(fields[0].codePointAt(0), fields[1]);
            }
        }
        return new Vader(Map.copyOf(lexicon), Map.copyOf(emoji));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Vader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("VADER resource missing: " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Scores polarityScores(String input) {
        String text = replaceEmoji(input).strip();
        List<String> words = wordsAndEmoticons(text);
        List<String> lower = new ArrayList<>(words.size());
        for (String word : words) {
            lower.add(word.toLowerCase(Locale.ROOT));
        }
        boolean capDifferential = allCapDifferential(words);
        List<Double> sentiments = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = lower.get(i);
            if (BOOSTERS.containsKey(word)
                    || (i < words.size() - 1
                            && word.equals("kind")
                            && lower.get(i + 1).equals("of"))) {
                sentiments.add(0.0);
                continue;
            }
            sentiments.add(valence(words, lower, i, capDifferential));
        }
        butCheck(lower, sentiments);
        return score(sentiments, text);
    }

    /** Each emoji becomes its description, set off by a space before it unless one is there already. */
    private String replaceEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean previousSpace = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String description = emoji.get(codePoint);
            if (description != null) {
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(description);
                previousSpace = false;
            } else {
                out.appendCodePoint(codePoint);
                previousSpace = codePoint == ' ';
            }
        }
        return out.toString();
    }

    /** Whitespace-separated tokens, leading and trailing punctuation stripped unless that leaves two characters or fewer. */
    static List<String> wordsAndEmoticons(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int codePoint = i < text.length() ? text.codePointAt(i) : ' ';
            boolean space = i == text.length() || isPythonSpace(codePoint);
            if (space && start >= 0) {
                tokens.add(stripPunctuationIfWord(text.substring(start, i)));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += i < text.length() ? Character.charCount(codePoint) : 1;
        }
        return tokens;
    }

    private static boolean isPythonSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    private static String stripPunctuationIfWord(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        String stripped = token.substring(from, to);
        return stripped.codePointCount(0, stripped.length()) <= 2 ? token : stripped;
    }

    /** Python's str.isupper(): at least one cased character and none of them lower or title case. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLowerCase(codePoint) || Character.isTitleCase(codePoint)) {
                return false;
            }
            cased |= Character.isUpperCase(codePoint);
        }
        return cased;
    }

    /** True when some but not all tokens are ALL CAPS: only then does capitalization count as emphasis. */
    private static boolean allCapDifferential(List<String> words) {
        int allCaps = 0;
        for (String word : words) {
            if (isUpper(word)) {
                allCaps++;
            }
        }
        int differential = words.size() - allCaps;
        return differential > 0 && differential < words.size();
    }

    private double valence(List<String> words, List<String> lower, int i, boolean capDifferential) {
        String item = lower.get(i);
        Double lexical = lexicon.get(item);
        if (lexical == null) {
            return 0;
        }
        double valence = lexical;
        // "no" before another lexicon word negates that word instead of counting itself
        if (item.equals("no") && i != words.size() - 1 && lexicon.containsKey(lower.get(i + 1))) {
            valence = 0.0;
        }
        if ((i > 0 && lower.get(i - 1).equals("no"))
                || (i > 1 && lower.get(i - 2).equals("no"))
                || (i > 2
                        && lower.get(i - 3).equals("no")
                        && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor")))) {
            valence = lexical * N_SCALAR;
        }
        if (isUpper(words.get(i)) && capDifferential) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int start = 0; start < 3; start++) {
            int before = i - (start + 1);
            if (i > start && !lexicon.containsKey(lower.get(before))) {
                double scalar = scalarIncDec(words.get(before), lower.get(before), valence, capDifferential);
                if (start == 1 && scalar != 0) {
                    scalar = scalar * 0.95;
                }
                if (start == 2 && scalar != 0) {
                    scalar = scalar * 0.9;
                }
                valence = valence + scalar;
                valence = negationCheck(valence, lower, start, i);
                if (start == 2) {
                    valence = specialIdiomsCheck(valence, lower, i);
                }
            }
        }
        return leastCheck(valence, lower, i);
    }

    private static double scalarIncDec(String word, String lower, double valence, boolean capDifferential) {
        Double booster = BOOSTERS.get(lower);
        if (booster == null) {
            return 0.0;
        }
        double scalar = booster;
        if (valence < 0) {
            scalar *= -1;
        }
        if (isUpper(word) && capDifferential) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static boolean negated(String word) {
        return NEGATE.contains(word) || word.contains("n't");
    }

    private static double negationCheck(double valence, List<String> lower, int start, int i) {
        if (start == 0) {
            if (negated(lower.get(i - 1))) {
                return valence * N_SCALAR;
            }
        } else if (start == 1) {
            if (lower.get(i - 2).equals("never") && isSoOrThis(lower.get(i - 1))) {
                return valence * 1.25;
            } else if (lower.get(i - 2).equals("without") && lower.get(i - 1).equals("doubt")) {
                return valence;
            } else if (negated(lower.get(i - 2))) {
                return valence * N_SCALAR;
            }
        } else {
            // as in the reference: (never and so/this two back) or so/this right before
            if ((lower.get(i - 3).equals("never") && isSoOrThis(lower.get(i - 2))) || isSoOrThis(lower.get(i - 1))) {
                return valence * 1.25;
            } else if (lower.get(i - 3).equals("without")
                    && (lower.get(i - 2).equals("doubt") || lower.get(i - 1).equals("doubt"))) {
                return valence;
            } else if (negated(lower.get(i - 3))) {
                return valence * N_SCALAR;
            }
        }
        return valence;
    }

    private static boolean isSoOrThis(String word) {
        return word.equals("so") || word.equals("this");
    }

    private static double specialIdiomsCheck(double valence, List<String> lower, int i) {
        String oneZero = lower.get(i - 1) + " " + lower.get(i);
        String twoOneZero = lower.get(i - 2) + " " + lower.get(i - 1) + " " + lower.get(i);
        String twoOne = lower.get(i - 2) + " " + lower.get(i - 1);
        String threeTwoOne = lower.get(i - 3) + " " + lower.get(i - 2) + " " + lower.get(i - 1);
        String threeTwo = lower.get(i - 3) + " " + lower.get(i - 2);
        for (String sequence : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            Double special = SPECIAL_CASES.get(sequence);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (lower.size() - 1 > i) {
            Double special = SPECIAL_CASES.get(lower.get(i) + " " + lower.get(i + 1));
            if (special != null) {
                valence = special;
            }
        }
        if (lower.size() - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(lower.get(i) + " " + lower.get(i + 1) + " " + lower.get(i + 2));
            if (special != null) {
                valence = special;
            }
        }
        for (String nGram : List.of(threeTwoOne, threeTwo, twoOne)) {
            Double booster = BOOSTERS.get(nGram);
            if (booster != null) {
                valence = valence + booster;
            }
        }
        return valence;
    }

    private double leastCheck(double valence, List<String> lower, int i) {
        if (i > 1 && !lexicon.containsKey(lower.get(i - 1)) && lower.get(i - 1).equals("least")) {
            if (!lower.get(i - 2).equals("at") && !lower.get(i - 2).equals("very")) {
                return valence * N_SCALAR;
            }
        } else if (i > 0
                && !lexicon.containsKey(lower.get(i - 1))
                && lower.get(i - 1).equals("least")) {
            return valence * N_SCALAR;
        }
        return valence;
    }

    /**
     * Halves scores before the first "but" and raises those after it by half. Like the reference, each score is looked
     * up by value ({@code list.index}), so of equal scores the first one is re-scaled, once per equal score.
     */
    private static void butCheck(List<String> lower, List<Double> sentiments) {
        int but = lower.indexOf("but");
        if (but < 0) {
            return;
        }
        for (int k = 0; k < sentiments.size(); k++) {
            double sentiment = sentiments.get(k);
            int index = firstIndexOf(sentiments, sentiment);
            if (index < but) {
                sentiments.set(index, sentiment * 0.5);
            } else if (index > but) {
                sentiments.set(index, sentiment * 1.5);
            }
        }
    }

    private static int firstIndexOf(List<Double> values, double value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == value) {
                return i;
            }
        }
        return -1;
    }

    private static Scores score(List<Double> sentiments, String text) {
        if (sentiments.isEmpty()) {
            return new Scores(0.0, 0.0, 0.0, 0.0);
        }
        double sum = 0;
        for (double sentiment : sentiments) {
            sum += sentiment;
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = Math.max(-1.0, Math.min(1.0, sum / Math.sqrt(sum * sum + ALPHA)));

        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double sentiment : sentiments) {
            if (sentiment > 0) {
                positive += sentiment + 1; // compensates for neutral words that are counted as 1
            }
            if (sentiment < 0) {
                negative += sentiment - 1;
            }
            if (sentiment == 0) {
                neutral++;
            }
        }
        if (positive > Math.abs(negative)) {
            positive += emphasis;
        } else if (positive < Math.abs(negative)) {
            negative -= emphasis;
        }
        double total = positive + Math.abs(negative) + neutral;
        return new Scores(
                round(compound, 4),
                round(Math.abs(positive / total), 3),
                round(Math.abs(neutral / total), 3),
                round(Math.abs(negative / total), 3));
    }

    /** Up to four exclamation marks add 0.292 each; two or three question marks 0.18 each, more 0.96. */
    private static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    /** Python's round(x, digits): the exact binary value rounded half to even. */
    static double round(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new HashMap<>();
        for (String word : List.of(
                "absolutely",
                "amazingly",
                "awfully",
                "completely",
                "considerable",
                "considerably",
                "decidedly",
                "deeply",
                "effing",
                "enormous",
                "enormously",
                "entirely",
                "especially",
                "exceptional",
                "exceptionally",
                "extreme",
                "extremely",
                "fabulously",
                "flipping",
                "flippin",
                "frackin",
                "fracking",
                "fricking",
                "frickin",
                "frigging",
                "friggin",
                "fully",
                "fuckin",
                "fucking",
                "fuggin",
                "fugging",
                "greatly",
                "hella",
                "highly",
                "hugely",
                "incredible",
                "incredibly",
                "intensely",
                "major",
                "majorly",
                "more",
                "most",
                "particularly",
                "purely",
                "quite",
                "really",
                "remarkably",
                "so",
                "substantially",
                "thoroughly",
                "total",
                "totally",
                "tremendous",
                "tremendously",
                "uber",
                "unbelievably",
                "unusually",
                "utter",
                "utterly",
                "very")) {
            boosters.put(word, B_INCR);
        }
        for (String word : List.of(
                "almost",
                "barely",
                "hardly",
                "just enough",
                "kind of",
                "kinda",
                "kindof",
                "kind-of",
                "less",
                "little",
                "marginal",
                "marginally",
                "occasional",
                "occasionally",
                "partly",
                "scarce",
                "scarcely",
                "slight",
                "slightly",
                "somewhat",
                "sort of",
                "sorta",
                "sortof",
                "sort-of")) {
            boosters.put(word, B_DECR);
        }
        return Map.copyOf(boosters);
    }
}
