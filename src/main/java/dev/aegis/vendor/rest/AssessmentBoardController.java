package dev.aegis.vendor.rest;

import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.AssessmentBoard;
import dev.aegis.vendor.AssessmentCalendar;
import dev.aegis.vendor.AssessmentCard;
import dev.aegis.vendor.ReassessmentInterval;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorVocabulary.Level;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessments across vendors as the board shows them (filtered by state, overdue, vendor and criticality, soonest due
 * first, paged by the database), and each vendor's reassessment interval.
 */
@RestController
@Tag(name = "Vendor assessments", description = "Assessments of vendors against questionnaire template versions")
class AssessmentBoardController {

    private final AssessmentBoard board;
    private final AssessmentCalendar calendar;

    AssessmentBoardController(AssessmentBoard board, AssessmentCalendar calendar) {
        this.board = board;
        this.calendar = calendar;
    }

    record CardResponse(
            long id,
            long vendorId,
            String vendorName,
            Level criticality,
            long templateId,
            String templateTitle,
            int templateVersion,
            State state,
            LocalDate dueOn,
            boolean overdue,
            LocalDate overdueSince,
            Integer score) {
        static CardResponse of(AssessmentCard c) {
            return new CardResponse(
                    c.id(),
                    c.vendorId(),
                    c.vendorName(),
                    c.criticality(),
                    c.templateId(),
                    c.templateTitle(),
                    c.templateVersion(),
                    c.state(),
                    c.dueOn(),
                    c.overdue(),
                    c.overdueSince(),
                    c.score());
        }
    }

    @GetMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Assessments of all vendors, soonest due first: filters state (repeatable), overdue, vendor, "
                    + "criticality; paged")
    PageResponse<CardResponse> list(
            @RequestParam(required = false) List<State> state,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Long vendor,
            @RequestParam(required = false) Level criticality,
            @Valid PageParams paging) {
        var filter = new AssessmentBoard.Filter(state, vendor, criticality, overdue);
        return PageResponse.of(board.cards(filter, PageRequest.of(paging.number(), paging.count()))
                .map(CardResponse::of));
    }

    record IntervalRequest(ReassessmentInterval interval) {}

    record IntervalResponse(
            long vendorId,
            ReassessmentInterval interval,
            ReassessmentInterval effective,
            LocalDate nextDueOn,
            long version) {}

    @PutMapping(
            path = "/api/v1/vendors/{id}/reassessment",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "How often the vendor is assessed again after an approval (NONE, SIX_MONTHS, YEARLY; null "
                    + "follows its criticality); If-Match optional (409 when stale)")
    ResponseEntity<IntervalResponse> reassessEvery(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody IntervalRequest request) {
        Vendor vendor =
                calendar.reassessEvery(id, ifMatch == null ? null : Versions.fromIfMatch(ifMatch), request.interval());
        return ResponseEntity.ok()
                .eTag(Versions.etag(vendor.getVersion()))
                .body(new IntervalResponse(
                        id,
                        vendor.getChosenReassessmentInterval(),
                        vendor.reassessmentInterval(),
                        calendar.nextReassessment(id),
                        vendor.getVersion()));
    }
}
