package dev.aegis.monitor.sentiment;

import dev.aegis.shared.ClientRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs before the request body is read: refuses bodies larger than {@value #MAX_BODY_BYTES} bytes (413) and callers
 * over their rate (429 with Retry-After). A caller is its authenticated principal (a monitor token) or, without one,
 * its address. Refused calls are reported to the model's telemetry.
 */
class SentimentRequestGuard implements HandlerInterceptor {

    /** 5,000 characters, even as JSON \\u escapes, fit comfortably. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final ClientRateLimiter limiter;
    private final SentimentModel model;

    SentimentRequestGuard(ClientRateLimiter limiter, SentimentModel model) {
        this.limiter = limiter;
        this.model = model;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new RequestTooLargeException(request.getContentLengthLong());
        }
        long retryAfter = limiter.tryAcquire(client(request));
        if (retryAfter > 0) {
            model.reportRefused("api", "rate_limited");
            throw new RateLimitedException(retryAfter);
        }
        return true;
    }

    static String client(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null ? "principal:" + principal.getName() : "address:" + request.getRemoteAddr();
    }

    static final class RateLimitedException extends RuntimeException {
        final long retryAfterSeconds;

        RateLimitedException(long retryAfterSeconds) {
            super("Too many requests; try again in " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    static final class RequestTooLargeException extends RuntimeException {
        RequestTooLargeException(long bytes) {
            super("The request body has " + bytes + " bytes; at most " + MAX_BODY_BYTES + " are accepted.");
        }
    }
}
