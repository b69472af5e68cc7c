package dev.aegis.monitor.sentiment;

import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.ClientRateLimiter;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The rate limit and body-size guard of the sentiment endpoint. */
@Configuration(proxyBeanMethods = false)
@WhenMonitorEnabled
class SentimentWebConfiguration implements WebMvcConfigurer {

    private final SentimentRequestGuard guard;

    SentimentWebConfiguration(
            SentimentModel model,
            Clock clock,
            @Value("${aegis.monitor.sentiment.rate-limit.burst:20}") int burst,
            @Value("${aegis.monitor.sentiment.rate-limit.per-second:10}") double perSecond,
            @Value("${aegis.monitor.sentiment.rate-limit.max-clients:10000}") int maxClients) {
        this.guard = new SentimentRequestGuard(new ClientRateLimiter(burst, perSecond, maxClients, clock), model);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns(SentimentController.PATH + "/**");
    }
}
