package dev.aegis.monitor.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A small grammar of product and service reviews: positive, negative and neutral statements about everyday things,
 * with intensifiers, dampeners, negations, contrasts ("…, but …"), capitals, punctuation and emoji, so that every
 * VADER rule gets exercised. Tens of thousands of distinct sentences; no data is downloaded.
 */
final class ReviewTexts {

    enum Tone {
        POSITIVE,
        NEGATIVE,
        NEUTRAL
    }

    private static final List<String> SUBJECTS = List.of(
            "The battery",
            "Battery life",
            "The screen",
            "Customer service",
            "The delivery",
            "Shipping",
            "The price",
            "Setup",
            "The app",
            "The sound quality",
            "The camera",
            "This blender",
            "The headphones",
            "The checkout",
            "The manual",
            "The packaging",
            "The refund process",
            "The fabric",
            "The fit",
            "The keyboard",
            "The charger",
            "The support team",
            "The latest update",
            "The warranty service",
            "The hotel room",
            "The staff",
            "Breakfast",
            "The location",
            "The plot",
            "The acting",
            "The coffee machine",
            "The mattress",
            "The vacuum cleaner",
            "The router",
            "The installation",
            "The courier",
            "The subscription",
            "The new firmware",
            "The sofa",
            "The lens");

    private static final List<String> POSITIVE = List.of(
            "is excellent",
            "works great",
            "exceeded my hopes",
            "is good",
            "made me happy",
            "is fantastic",
            "is reliable",
            "was quick and friendly",
            "is worth every penny",
            "is a joy to use",
            "feels solid and well made",
            "is easy to use",
            "was perfect",
            "is amazing",
            "impressed me",
            "is better than I hoped",
            "is comfortable",
            "is the best I have owned",
            "is smooth and fast",
            "works like a charm",
            "is lovely",
            "was helpful",
            "is brilliant",
            "is great value",
            "made my day",
            "is wonderful",
            "looks beautiful",
            "is a pleasure",
            "is superb",
            "keeps me satisfied");

    private static final List<String> NEGATIVE = List.of(
            "is terrible",
            "stopped working after a week",
            "is a waste of money",
            "was rude and unhelpful",
            "is disappointing",
            "broke on day two",
            "is awful",
            "keeps crashing",
            "is overpriced",
            "feels cheap and nasty",
            "was late and damaged",
            "is frustrating",
            "is the worst",
            "made me angry",
            "is useless",
            "is noisy and slow",
            "failed completely",
            "is poorly designed and ugly",
            "is a disaster",
            "was a nightmare",
            "is horrible",
            "left me sad",
            "is broken",
            "is annoying",
            "was a total mess",
            "is painful to use",
            "ruined my weekend",
            "is bad",
            "feels flimsy",
            "is unacceptable");

    private static final List<String> NEUTRAL = List.of(
            "arrived on Tuesday",
            "is blue",
            "comes in a box",
            "has two buttons",
            "is about ten centimetres long",
            "was delivered by courier",
            "needs a USB cable",
            "is made in Portugal",
            "weighs about a kilo",
            "has a manual in three languages",
            "uses AA batteries",
            "is available in three sizes",
            "was ordered last month",
            "is the second one I bought",
            "runs on version 4.2",
            "came with a receipt",
            "is black and grey",
            "sits on my desk",
            "was shipped from Lyon",
            "has a model number on the back");

    private static final List<String> BOOSTERS = List.of(
            "",
            "",
            "",
            "really ",
            "very ",
            "extremely ",
            "quite ",
            "totally ",
            "kind of ",
            "somewhat ",
            "slightly ",
            "incredibly ");
    private static final List<String> OPENERS =
            List.of("", "", "", "Honestly, ", "Overall, ", "In short, ", "After a month, ", "Frankly, ");
    private static final List<String> POSITIVE_ENDINGS = List.of(".", ".", "!", "!!", " :)", " 😍", " 👍", "!!!");
    private static final List<String> NEGATIVE_ENDINGS =
            List.of(".", ".", "!", "...", " :(", " 😡", " 👎", "!!!", "??");
    private static final List<String> NEUTRAL_ENDINGS = List.of(".", ".", ".", "?", "!");

    private ReviewTexts() {}

    /** One review sentence, maybe two, of the given tone. */
    static String review(Tone tone, boolean longer, RandomGenerator random) {
        String first = sentence(tone, random);
        if (!longer) {
            return first;
        }
        // a second clause: the same tone, or a contrast that VADER weighs after "but"
        if (random.nextInt(3) == 0) {
            Tone other = tone == Tone.POSITIVE ? Tone.NEGATIVE : Tone.POSITIVE;
            return strip(first) + ", but " + lowerFirst(clause(other, random)) + ending(other, random);
        }
        return first + " " + sentence(tone == Tone.NEUTRAL ? Tone.NEUTRAL : tone, random);
    }

    private static String sentence(Tone tone, RandomGenerator random) {
        String opener = pick(OPENERS, random);
        String clause = clause(tone, random);
        return opener + (opener.isEmpty() ? clause : lowerFirst(clause)) + ending(tone, random);
    }

    private static String clause(Tone tone, RandomGenerator random) {
        String subject = pick(SUBJECTS, random);
        return switch (tone) {
            case NEUTRAL -> subject + " " + pick(NEUTRAL, random);
            case POSITIVE ->
                random.nextInt(8) == 0
                        ? subject + " is not " + pick(List.of("bad", "terrible", "awful", "disappointing"), random)
                        : subject + " " + boost(pick(POSITIVE, random), random);
            case NEGATIVE ->
                random.nextInt(8) == 0
                        ? subject + " is not " + pick(List.of("good", "great", "worth it", "helpful"), random)
                        : subject + " " + shout(boost(pick(NEGATIVE, random), random), random);
        };
    }

    /** Puts a booster or dampener before the adjective of "is …" predicates. */
    private static String boost(String predicate, RandomGenerator random) {
        if (!predicate.startsWith("is ") || predicate.startsWith("is a") || predicate.startsWith("is the")) {
            return predicate;
        }
        return "is " + pick(BOOSTERS, random) + predicate.substring(3);
    }

    private static String shout(String predicate, RandomGenerator random) {
        return random.nextInt(10) == 0 ? predicate.toUpperCase(Locale.ROOT) : predicate;
    }

    private static String ending(Tone tone, RandomGenerator random) {
        return pick(
                switch (tone) {
                    case POSITIVE -> POSITIVE_ENDINGS;
                    case NEGATIVE -> NEGATIVE_ENDINGS;
                    case NEUTRAL -> NEUTRAL_ENDINGS;
                },
                random);
    }

    private static String strip(String sentence) {
        int end = sentence.length();
        while (end > 0 && !Character.isLetterOrDigit(sentence.charAt(end - 1))) {
            end--;
        }
        return sentence.substring(0, end);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String pick(List<String> options, RandomGenerator random) {
        return options.get(random.nextInt(options.size()));
    }
}
