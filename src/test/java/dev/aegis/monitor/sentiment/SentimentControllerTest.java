package dev.aegis.monitor.sentiment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aegis.shared.ClientRateLimiter;
import dev.aegis.shared.TestClock;
import dev.aegis.shared.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The endpoint over MockMvc in standalone set-up, with the real model, guard and problem-details advice. The
 * monitor's security chain for {@code /monitor/v1/**} is not part of this test.
 */
class SentimentControllerTest {

    final TestClock clock = new TestClock();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final SentimentModel model = new SentimentModel(telemetry, clock);
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SentimentController(model))
            .setControllerAdvice(new ProblemDetailsAdvice())
            .addMappedInterceptors(
                    new String[] {SentimentController.PATH + "/**"},
                    new SentimentRequestGuard(new ClientRateLimiter(3, 1, 100, clock), model))
            .build();

    @Test
    void a_text_is_scored_with_label_compound_and_proportions() throws Exception {
        mvc.perform(post("/monitor/v1/models/sentiment/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"VADER is smart, handsome, and funny.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("positive"))
                .andExpect(jsonPath("$.compound").value(0.8316))
                .andExpect(jsonPath("$.pos").value(0.746))
                .andExpect(jsonPath("$.neu").value(0.254))
                .andExpect(jsonPath("$.neg").value(0.0));
    }

    @Test
    void a_missing_blank_or_too_long_text_is_a_problem_detail_naming_the_field() throws Exception {
        for (String body : new String[] {"{}", "{\"text\": \"   \"}", "{\"text\": \"" + "x".repeat(5_001) + "\"}"}) {
            mvc.perform(post("/monitor/v1/models/sentiment/predict")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Invalid request"))
                    .andExpect(jsonPath("$.errors[0].field").value("text"));
        }
    }

    @Test
    void a_body_over_64_kib_is_refused_before_it_is_read() throws Exception {
        mvc.perform(post("/monitor/v1/models/sentiment/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + "x".repeat(70_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("Request too large"));
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/monitor/v1/models/sentiment/predict")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"fine\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/monitor/v1/models/sentiment/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"fine\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.status").value(429));
        mvc.perform(post("/monitor/v1/models/sentiment/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .with(request -> {
                            request.setRemoteAddr("192.0.2.7");
                            return request;
                        })
                        .content("{\"text\": \"fine\"}"))
                .andExpect(status().isOk());

        org.assertj.core.api.Assertions.assertThat(telemetry.calls)
                .extracting(SentimentTelemetry.Call::errorClass)
                .containsOnlyOnce("rate_limited");
    }
}
