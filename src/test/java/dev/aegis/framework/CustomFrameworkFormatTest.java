package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.shared.DomainRuleException;
import org.junit.jupiter.api.Test;

class CustomFrameworkFormatTest {

    @Test
    void a_yaml_framework_with_nested_requirements_is_read_in_tree_order() {
        CatalogDocument doc = CustomFrameworkFormat.parse("""
                framework:
                  code: ACME-AI-POLICY
                  name: ACME AI policy
                  version: "2026.1"
                  publisher: ACME governance office
                requirements:
                  - id: P1
                    title: Accountability
                    assessable: false
                    children:
                      - id: P1.1
                        title: Every AI system has a named owner
                        text: The owner answers for the system across its life cycle.
                        kind: control
                  - id: P2
                    title: Transparency
                """);
        assertThat(doc.info().code()).isEqualTo("ACME-AI-POLICY");
        assertThat(doc.info().version()).isEqualTo("2026.1");
        assertThat(doc.info().custom()).isTrue();
        assertThat(doc.nodes()).extracting(CatalogDocument.Node::refId).containsExactly("P1", "P1.1", "P2");
        assertThat(doc.nodes().get(1).parentRef()).isEqualTo("P1");
        assertThat(doc.nodes().get(1).kind()).isEqualTo(RequirementKind.CONTROL);
        assertThat(doc.nodes().get(0).assessable()).isFalse();
        assertThat(doc.nodes().get(2).kind()).isEqualTo(RequirementKind.CLAUSE);
    }

    @Test
    void a_json_framework_with_flat_parents_is_read_too() {
        CatalogDocument doc = CustomFrameworkFormat.parse("""
                {"framework": {"code": "EU-AI-ACT", "name": "EU AI Act", "version": "2024/1689"},
                 "requirements": [
                   {"id": "Art. 9", "title": "Risk management system"},
                   {"id": "Art. 9(1)", "title": "A risk management system shall be established", "parent": "Art. 9"}
                 ]}
                """);
        assertThat(doc.nodes()).extracting(CatalogDocument.Node::parentRef).containsExactly(null, "Art. 9");
    }

    @Test
    void every_problem_is_reported_with_its_line_and_field_and_nothing_is_returned() {
        assertThatThrownBy(() -> CustomFrameworkFormat.parse("""
                framework:
                  code: X
                  name: Broken
                requirements:
                  - id: A
                    title: First
                  - id: A
                    title: Again
                  - title: No id
                  - id: C
                    title: Orphan
                    parent: NOPE
                    colour: blue
                  - id: D
                    title: Odd kind
                    kind: wish
                """))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("line 2, framework.code: must be 2 to 60")
                .hasMessageContaining("framework.version: is missing")
                .hasMessageContaining("line 7, requirements[1].id: 'A' was already used at line 5")
                .hasMessageContaining("requirements[2].id: is missing")
                .hasMessageContaining("line 13, requirements[3].colour: is not a known field")
                .hasMessageContaining("parent 'NOPE' is not a requirement of this file")
                .hasMessageContaining("line 16, requirements[4].kind: 'wish' is not one of");
    }

    @Test
    void malformed_yaml_names_the_line() {
        assertThatThrownBy(() -> CustomFrameworkFormat.parse("framework:\n  code: [unclosed\nrequirements: []\n"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageStartingWith("line ");
    }

    @Test
    void a_billion_laughs_file_is_refused() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                """;
        assertThatThrownBy(() -> CustomFrameworkFormat.parse(bomb)).isInstanceOf(DomainRuleException.class);
    }
}
