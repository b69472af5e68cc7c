package dev.aegis.control.rest;

import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.Cell;
import dev.aegis.control.CoverageService.FrameworkCoverage;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.control.ThreatCoverageService;
import dev.aegis.control.ThreatCoverageService.ThreatCoverage;
import dev.aegis.shared.DomainRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coverage and gaps per framework, for an AI system or the organisation, and threat coverage of an AI system. */
@RestController
@RequestMapping(path = "/api/v1/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Coverage", description = "Which requirements our controls meet, the gaps, and threat coverage")
class CoverageController {

    private final CoverageService coverage;
    private final ThreatCoverageService threats;

    CoverageController(CoverageService coverage, ThreatCoverageService threats) {
        this.coverage = coverage;
        this.threats = threats;
    }

    record Summary(String framework, String name, long covered, long partial, long notCovered, int percent) {
        static Summary of(FrameworkCoverage c) {
            return new Summary(
                    c.frameworkCode(),
                    c.frameworkName(),
                    c.count(CoverageLevel.COVERED),
                    c.count(CoverageLevel.PARTIAL),
                    c.count(CoverageLevel.NOT_COVERED),
                    c.percent());
        }
    }

    record FrameworkResponse(Summary summary, Long system, List<RequirementCoverage> requirements) {}

    @GetMapping
    @Operation(summary = "The organisation's coverage of every framework, as counts")
    List<Summary> organisation() {
        return coverage.organisation().stream().map(Summary::of).toList();
    }

    @GetMapping("/{framework}")
    @Operation(
            summary =
                    "A framework's coverage, requirement by requirement, for one AI system (its scope) or, without "
                            + "system, the organisation; a requirement covered through a crosswalk names the crosswalk and the path")
    FrameworkResponse framework(@PathVariable String framework, @RequestParam(required = false) Long system) {
        FrameworkCoverage c = coverage.framework(framework, system);
        return new FrameworkResponse(Summary.of(c), system, c.requirements());
    }

    @GetMapping("/{framework}/gaps")
    @Operation(summary = "The requirements not covered or partly covered, worst first")
    List<RequirementCoverage> gaps(@PathVariable String framework, @RequestParam(required = false) Long system) {
        return coverage.gaps(framework, system);
    }

    @GetMapping("/{framework}/matrix")
    @Operation(summary = "Coverage for up to 50 AI systems at once: system id → requirement id → coverage")
    Map<Long, Map<Long, RequirementCoverage>> matrix(@PathVariable String framework, @RequestParam List<Long> systems) {
        if (systems.size() > 50) {
            throw new DomainRuleException("systems", "Ask for at most 50 systems at once.");
        }
        return coverage.matrix(framework, systems);
    }

    @GetMapping("/requirements/{requirementId}")
    @Operation(
            summary = "The controls (direct and through crosswalks, each once) and risks behind one requirement, "
                    + "for one AI system or the organisation")
    Cell cell(@PathVariable long requirementId, @RequestParam(required = false) Long system) {
        return coverage.cell(requirementId, system);
    }

    @GetMapping("/threats/{systemId}")
    @Operation(
            summary = "Threat coverage of an AI system: applicable ATLAS techniques and OWASP LLM entries, the "
                    + "mitigations addressing them and whether applied controls carry them")
    ThreatCoverage threats(@PathVariable long systemId) {
        return threats.of(systemId);
    }
}
