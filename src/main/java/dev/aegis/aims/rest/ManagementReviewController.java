package dev.aegis.aims.rest;

import dev.aegis.aims.ManagementReviewInput.ReviewSection;
import dev.aegis.aims.ManagementReviewService;
import dev.aegis.aims.ManagementReviewService.Meeting;
import dev.aegis.aims.ManagementReviewService.ReviewSummary;
import dev.aegis.aims.ManagementReviewService.ReviewView;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Management reviews (ISO/IEC 42001 9.3): meetings, their inputs as of the meeting date, outputs and minutes. */
@RestController
@RequestMapping(path = "/api/v1/aims/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class ManagementReviewController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ManagementReviewService reviews;

    ManagementReviewController(ManagementReviewService reviews) {
        this.reviews = reviews;
    }

    record MeetingRequest(
            @NotBlank(message = "Give the review a title.") @Size(max = 200)
            String title,

            @NotNull(message = "Give the meeting's date.") LocalDate meetingDate,

            @NotBlank(message = "Choose who chairs the review.") @Size(max = 100)
            String chair,

            List<String> attendees) {
        Meeting meeting() {
            return new Meeting(title, meetingDate, chair, attendees);
        }
    }

    record OutputRequest(
            @NotNull(message = "Say whether this is an action (true) or a decision (false).")
            Boolean action,

            @NotBlank(message = "Say what was decided or is to be done.") @Size(max = 2000)
            String text,

            @Size(max = 100) String owner,
            LocalDate due) {}

    record Minutes(
            @NotBlank(message = "Write the minutes.") @Size(max = 20000)
            String minutes) {}

    record Done(@Size(max = 2000) String note) {}

    @GetMapping
    @Operation(summary = "Every management review, newest meeting first")
    List<ReviewSummary> list() {
        return reviews.list();
    }

    @GetMapping("/inputs")
    @Operation(summary = "The inputs a review held on this date gets, assembled as of the end of that day")
    List<ReviewSection> inputs(@RequestParam LocalDate asOf) {
        return reviews.inputsAsOf(asOf);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A review with its inputs (frozen once held), minutes and outputs")
    ResponseEntity<ReviewView> get(@PathVariable long id) {
        return ok(reviews.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a management review (officers)")
    ResponseEntity<ReviewView> plan(@Valid @RequestBody MeetingRequest r) {
        ReviewView v = reviews.plan(r.meeting());
        return ResponseEntity.created(URI.create("/api/v1/aims/reviews/" + v.id()))
                .eTag(Versions.etag(v.version()))
                .body(v);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a planned review; If-Match carries its version")
    ResponseEntity<ReviewView> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody MeetingRequest r) {
        return ok(reviews.change(id, Versions.fromIfMatch(ifMatch), r.meeting()));
    }

    @PostMapping(path = "/{id}/held", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the review as held with its minutes; its inputs are frozen (If-Match)")
    ResponseEntity<ReviewView> hold(
            @PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody Minutes m) {
        return ok(reviews.hold(id, Versions.fromIfMatch(ifMatch), m.minutes()));
    }

    @PostMapping(path = "/{id}/outputs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a decision, or an action with owner and due date (officers)")
    ResponseEntity<ReviewView> addOutput(@PathVariable long id, @Valid @RequestBody OutputRequest r) {
        return ok(reviews.addOutput(id, r.action(), r.text(), r.owner(), r.due()));
    }

    @PostMapping(path = "/{id}/outputs/{outputId}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an action done (its owner or an officer); If-Match carries the action's version")
    ResponseEntity<ReviewView> done(
            @PathVariable long id,
            @PathVariable long outputId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Done d) {
        return ok(reviews.outputDone(id, outputId, Versions.fromIfMatch(ifMatch), d.note()));
    }

    @GetMapping(path = "/{id}/minutes", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The minutes as PDF/A; recorded in the audit log")
    void minutes(@PathVariable long id, HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"management-review-" + id + ".pdf\"");
        reviews.minutesPdf(id, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Management reviews as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-management-reviews-" + LocalDate.now() + "." + f.extension() + "\"");
        reviews.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<ReviewView> ok(ReviewView v) {
        return ResponseEntity.ok().eTag(Versions.etag(v.version())).body(v);
    }
}
