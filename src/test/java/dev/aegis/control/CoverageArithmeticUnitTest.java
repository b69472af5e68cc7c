package dev.aegis.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageArithmetic.Link;
import dev.aegis.control.CoverageArithmetic.Result;
import dev.aegis.framework.Relationship;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageArithmeticUnitTest {

    @Test
    void direct_coverage_stays_as_it_is_and_says_no_crosswalk() {
        Map<Long, Result> r =
                CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED, 2L, CoverageLevel.PARTIAL), List.of());
        assertThat(r.get(1L)).isEqualTo(new Result(CoverageLevel.COVERED, CoverageLevel.COVERED, null));
        assertThat(r.get(2L).level()).isEqualTo(CoverageLevel.PARTIAL);
        assertThat(r).doesNotContainKey(3L);
    }

    @Test
    void an_equal_mapping_carries_full_coverage_and_names_the_crosswalk() {
        Map<Long, Result> r = CoverageArithmetic.carry(
                Map.of(1L, CoverageLevel.COVERED), List.of(new Link("a-to-b", 1, 2, Relationship.EQUAL)));
        assertThat(r.get(2L).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(r.get(2L).direct()).isEqualTo(CoverageLevel.NOT_COVERED);
        assertThat(r.get(2L).via().crosswalks()).containsExactly("a-to-b");
        assertThat(r.get(2L).via().fromRequirement()).isEqualTo(1L);
    }

    @Test
    void a_superset_carries_full_coverage_forwards_but_only_partial_backwards() {
        List<Link> links = List.of(new Link("x", 1, 2, Relationship.SUPERSET));
        assertThat(CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED), links)
                        .get(2L)
                        .level())
                .isEqualTo(CoverageLevel.COVERED);
        assertThat(CoverageArithmetic.carry(Map.of(2L, CoverageLevel.COVERED), links)
                        .get(1L)
                        .level())
                .isEqualTo(CoverageLevel.PARTIAL);
    }

    @Test
    void coverage_does_not_go_round_through_other_frameworks_back_into_its_own() {
        // ISO 1 → EU 2 (crosswalk a), EU 2 → NIST 3 (crosswalk b), NIST 3 → ISO 4 (crosswalk c)
        List<Link> links = List.of(
                new Link("a", 2, 1, Relationship.EQUAL, "EU", "ISO"),
                new Link("b", 2, 3, Relationship.EQUAL, "EU", "NIST"),
                new Link("c", 3, 4, Relationship.EQUAL, "NIST", "ISO"));
        Map<Long, Result> r = CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED), links);
        assertThat(r.get(2L).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(r.get(3L).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(r).doesNotContainKey(4L);
    }

    @Test
    void a_path_is_as_weak_as_its_weakest_link() {
        // 1 =equal= 2 (crosswalk a), 2 intersects 3 (crosswalk b), 3 =equal= 4 (crosswalk c)
        List<Link> links = List.of(
                new Link("a", 1, 2, Relationship.EQUAL),
                new Link("b", 2, 3, Relationship.INTERSECT),
                new Link("c", 3, 4, Relationship.EQUAL));
        Map<Long, Result> r = CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED), links);
        assertThat(r.get(2L).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(r.get(4L).level()).isEqualTo(CoverageLevel.PARTIAL);
        assertThat(r.get(4L).via().weakest()).isEqualTo(Relationship.INTERSECT);
        assertThat(r.get(4L).via().crosswalks()).containsExactly("a", "b", "c");
        assertThat(r.get(4L).via().fromRequirement()).isEqualTo(1L);
    }

    @Test
    void partial_coverage_never_grows_through_a_crosswalk_and_direct_coverage_wins_a_tie() {
        List<Link> links = List.of(new Link("a", 1, 2, Relationship.EQUAL));
        assertThat(CoverageArithmetic.carry(Map.of(1L, CoverageLevel.PARTIAL), links)
                        .get(2L)
                        .level())
                .isEqualTo(CoverageLevel.PARTIAL);
        Result tie = CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED, 2L, CoverageLevel.COVERED), links)
                .get(2L);
        assertThat(tie.via()).isNull();
        Result better = CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED, 2L, CoverageLevel.PARTIAL), links)
                .get(2L);
        assertThat(better.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(better.direct()).isEqualTo(CoverageLevel.PARTIAL);
        assertThat(better.via()).isNotNull();
    }

    @Test
    void a_path_never_crosses_the_same_crosswalk_twice() {
        // 1 and 3 of one framework both relate to 2 of another: covering 1 says nothing about 3
        List<Link> links = List.of(new Link("a", 1, 2, Relationship.EQUAL), new Link("a", 3, 2, Relationship.EQUAL));
        Map<Long, Result> r = CoverageArithmetic.carry(Map.of(1L, CoverageLevel.COVERED), links);
        assertThat(r.get(2L).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(r).doesNotContainKey(3L);
    }

    @Test
    void the_order_of_relationships_is_explicit() {
        assertThat(List.of(
                        Relationship.EQUAL,
                        Relationship.SUPERSET,
                        Relationship.SUBSET,
                        Relationship.INTERSECT,
                        Relationship.RELATED))
                .extracting(CoverageArithmetic::rank)
                .isSortedAccordingTo((a, b) -> b - a);
        assertThat(CoverageArithmetic.cap(Relationship.RELATED)).isEqualTo(CoverageLevel.PARTIAL);
        assertThat(CoverageArithmetic.cap(Relationship.SUBSET)).isEqualTo(CoverageLevel.PARTIAL);
    }
}
