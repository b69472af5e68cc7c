package dev.aegis.vendor.rest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aegis.shared.ClientRateLimiter;
import dev.aegis.shared.TestClock;
import dev.aegis.shared.web.ProblemDetailsAdvice;
import dev.aegis.vendor.PortalLimits;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The portal's rate limit over MockMvc in standalone set-up, with the controller's own limits and no service behind
 * it: a limited call never reaches one. (Over real HTTP, draining the shared limits would slow the other tests.)
 */
class PortalControllerRateLimitTest {

    static final String TOKEN = "aegp_rate-limit-test";

    final TestClock clock = new TestClock();
    // one call per token, then one every ten seconds; the client's own bucket stays out of the way
    final PortalLimits limits =
            new PortalLimits(new ClientRateLimiter(1, 0.1, 100, clock), new ClientRateLimiter(100, 100, 100, clock));
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PortalController(null, limits, null))
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void a_link_over_its_rate_gets_429_with_retry_after_as_a_problem_detail() throws Exception {
        limits.check(TOKEN, "127.0.0.1");
        mvc.perform(get("/portal/v1/" + TOKEN).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail")
                        .value("Too many requests in a short time. Your answers are kept; try again in 10 s."));
        mvc.perform(put("/portal/v1/" + TOKEN + "/answers/q1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": \"yes\", \"version\": null}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }
}
