package dev.aegis.monitor.sentiment;

/**
 * The sentiment model's answer.
 *
 * @param label    "positive" (compound ≥ 0.05), "negative" (compound ≤ −0.05) or "neutral"
 * @param compound VADER's normalised score in [−1, 1], 4 decimals
 * @param pos      share of positive lexical items, 3 decimals
 * @param neu      share of neutral items
 * @param neg      share of negative items
 */
public record SentimentPrediction(String label, double compound, double pos, double neu, double neg) {

    static final double THRESHOLD = 0.05;

    static SentimentPrediction of(Vader.Scores scores) {
        String label =
                scores.compound() >= THRESHOLD ? "positive" : scores.compound() <= -THRESHOLD ? "negative" : "neutral";
        return new SentimentPrediction(label, scores.compound(), scores.pos(), scores.neu(), scores.neg());
    }
}
