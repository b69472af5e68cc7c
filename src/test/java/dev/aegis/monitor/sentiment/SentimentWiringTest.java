package dev.aegis.monitor.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aegis.shared.TestClock;
import dev.aegis.shared.web.ProblemDetailsAdvice;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The sentiment beans wired by Spring without the rest of Aegis: the guard is registered on the endpoint's path, the
 * limits come from properties, and a {@link SentimentTelemetry} bean of the monitor replaces the no-op fallback.
 */
@SpringJUnitWebConfig(SentimentWiringTest.Config.class)
@TestPropertySource(
        properties = {"aegis.monitor.sentiment.rate-limit.burst=2", "aegis.monitor.sentiment.rate-limit.per-second=0.1"
        })
class SentimentWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @Import({
        SentimentModel.class,
        NoSentimentTelemetry.class,
        SentimentWebConfiguration.class,
        SentimentController.class,
        ProblemDetailsAdvice.class
    })
    static class Config {

        @Bean
        Clock clock() {
            return new TestClock();
        }

        @Bean
        RecordingTelemetry monitorIngestion() {
            return new RecordingTelemetry();
        }
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    RecordingTelemetry telemetry;

    @Test
    void the_endpoint_is_limited_by_the_configured_burst_and_reports_to_the_monitors_telemetry() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/monitor/v1/models/sentiment/predict")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"The book was good.\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/monitor/v1/models/sentiment/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"The book was good.\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "10"));

        assertThat(telemetry.calls)
                .extracting(SentimentTelemetry.Call::label)
                .containsExactly("positive", "positive", null);
    }
}
