package dev.aegis.aims;

import java.time.Instant;
import java.util.List;

/**
 * An extension point of the management review's inputs (ISO/IEC 42001 9.3.2): a bean of this type adds one section
 * to every review's inputs, as of the meeting: the AI objectives (6.2, {@link ObjectivesReviewInput}) and the impact
 * assessments ({@link ImpactAssessmentsReviewInput}) plug in here. Implementations answer from what was recorded by
 * {@code asOf} only.
 */
public interface ManagementReviewInput {

    /** Where the section goes among the built-in ones (they use 10, 20, … 70). */
    int order();

    /** The section as of the moment (exclusive: a record made at or after {@code asOf} is not an input). */
    ReviewSection sectionAsOf(Instant asOf, Instant periodFrom);

    /** A section of the inputs: a title and its lines as people read them. */
    record ReviewSection(String title, List<String> lines) {
        public ReviewSection {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }
}
