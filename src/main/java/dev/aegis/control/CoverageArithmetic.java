package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.framework.Relationship;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How coverage travels across crosswalks. A requirement met directly carries its coverage to the requirements it is
 * mapped to, weakened to the weakest relationship on the path, in this order (strongest first):
 * <ol>
 * <li>{@code EQUAL}: the other requirement asks the same;</li>
 * <li>{@code SUPERSET}: the covered requirement asks more than the other, so the other is met too;</li>
 * <li>{@code SUBSET}: it asks less, so the other is met only in part;</li>
 * <li>{@code INTERSECT}: they overlap;</li>
 * <li>{@code RELATED}: they bear on the same subject (the bundled crosswalks state only this).</li>
 * </ol>
 * A path whose weakest link is {@code EQUAL} or {@code SUPERSET} carries full coverage; any weaker path carries at
 * most partial coverage. Relationships are stated from a crosswalk's source to its target; walked backwards, subset and
 * superset swap. Direct coverage wins a tie, so a result says "through a crosswalk" only when that is what made it
 * better. A path crosses each crosswalk once: going back across the same crosswalk would make two requirements of one
 * framework cover each other merely because both relate to a third.
 */
final class CoverageArithmetic {

    /** Paths longer than this are not followed (the bundled crosswalks need one hop). */
    static final int MAX_HOPS = 3;

    private CoverageArithmetic() {}

    /**
     * One crosswalk edge: {@code source} relates to {@code target} as {@code relationship} says; the frameworks of
     * both ends when known.
     */
    record Link(
            String crosswalk,
            long source,
            long target,
            Relationship relationship,
            String sourceFramework,
            String targetFramework) {

        Link(String crosswalk, long source, long target, Relationship relationship) {
            this(crosswalk, source, target, relationship, null, null);
        }

        /** The same edge seen from its target. */
        Link reversed() {
            return new Link(crosswalk, target, source, inverse(relationship), targetFramework, sourceFramework);
        }
    }

    /** How a requirement's coverage came about: from another requirement, through these crosswalks. */
    record Via(long fromRequirement, List<String> crosswalks, Relationship weakest) {}

    /** A requirement's coverage: its level, what controls mapped to it directly give, and the path when carried. */
    record Result(CoverageLevel level, CoverageLevel direct, Via via) {}

    static int rank(Relationship r) {
        return switch (r) {
            case EQUAL -> 4;
            case SUPERSET -> 3;
            case SUBSET -> 2;
            case INTERSECT -> 1;
            case RELATED -> 0;
        };
    }

    static Relationship weaker(Relationship a, Relationship b) {
        return rank(a) <= rank(b) ? a : b;
    }

    /** The most coverage a path whose weakest link is {@code r} can carry. */
    static CoverageLevel cap(Relationship r) {
        return rank(r) >= rank(Relationship.SUPERSET) ? CoverageLevel.COVERED : CoverageLevel.PARTIAL;
    }

    /** The relationship seen from the target's side. */
    static Relationship inverse(Relationship r) {
        return switch (r) {
            case SUBSET -> Relationship.SUPERSET;
            case SUPERSET -> Relationship.SUBSET;
            default -> r;
        };
    }

    /**
     * The coverage of every requirement reachable from the directly covered ones (requirements not in the result are
     * not covered).
     */
    static Map<Long, Result> carry(Map<Long, CoverageLevel> direct, List<Link> links) {
        Map<Long, Result> best = new HashMap<>();
        direct.forEach((id, level) -> {
            if (level != CoverageLevel.NOT_COVERED) {
                best.put(id, new Result(level, level, null));
            }
        });
        Map<Long, String> frameworkOf = new HashMap<>();
        for (Link link : links) {
            if (link.sourceFramework() != null) {
                frameworkOf.put(link.source(), link.sourceFramework());
            }
            if (link.targetFramework() != null) {
                frameworkOf.put(link.target(), link.targetFramework());
            }
        }
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            boolean changed = false;
            for (Link link : links) {
                changed |= relax(
                        best, direct, frameworkOf, link.source(), link.target(), link.relationship(), link.crosswalk());
                changed |= relax(
                        best,
                        direct,
                        frameworkOf,
                        link.target(),
                        link.source(),
                        inverse(link.relationship()),
                        link.crosswalk());
            }
            if (!changed) {
                break;
            }
        }
        return best;
    }

    private static boolean relax(
            Map<Long, Result> best,
            Map<Long, CoverageLevel> direct,
            Map<Long, String> frameworkOf,
            long from,
            long to,
            Relationship relationship,
            String crosswalk) {
        Result source = best.get(from);
        if (source == null) {
            return false;
        }
        Relationship weakest =
                source.via() == null ? relationship : weaker(source.via().weakest(), relationship);
        CoverageLevel level = source.level().atMost(cap(weakest));
        Result current = best.get(to);
        if (current != null && !level.betterThan(current.level())) {
            return false;
        }
        List<String> path =
                new ArrayList<>(source.via() == null ? List.of() : source.via().crosswalks());
        if (path.contains(crosswalk)) {
            return false; // back across the same crosswalk: two related requirements of one framework are not related
        }
        path.add(crosswalk);
        long origin = source.via() == null ? from : source.via().fromRequirement();
        if (origin == to) {
            return false;
        }
        String originFramework = frameworkOf.get(origin);
        if (originFramework != null && originFramework.equals(frameworkOf.get(to))) {
            // back into the framework the path started from, round through others (ISO/IEC 42001 → EU AI Act → NIST
            // AI RMF → ISO/IEC 42001): two requirements of one framework are not related that way
            return false;
        }
        best.put(
                to,
                new Result(
                        level,
                        direct.getOrDefault(to, CoverageLevel.NOT_COVERED),
                        new Via(origin, List.copyOf(path), weakest)));
        return true;
    }
}
