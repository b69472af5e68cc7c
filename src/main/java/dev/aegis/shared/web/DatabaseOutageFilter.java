package dev.aegis.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Some requests reach the database before any controller or view can handle a failure: the API token lookup and the
 * password check run inside the security filters. When the database is down there, this filter answers 503 (a
 * problem detail, or a short page for a browser) instead of letting the servlet container answer 500.
 */
@Component
// before Spring Security's filter chain (order -100), so that the failures inside it pass through here
@Order(-110)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "The database cannot be reached; answered {} {} with 503: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(e));
            answer(request, response);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsPage(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("""
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Aegis is waiting for its database</title>
                    <meta http-equiv="refresh" content="%d"></head><body style="font-family:sans-serif;margin:3em">
                    <h1>%s</h1><p>%s This page reloads by itself.</p></body></html>
                    """.formatted(
                            DatabaseOutage.RETRY_AFTER_SECONDS * 2, DatabaseOutage.TITLE, DatabaseOutage.DETAIL));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + DatabaseOutage.TITLE
                            + "\",\"status\":503,\"detail\":\"" + DatabaseOutage.DETAIL + "\"}");
        }
        response.flushBuffer();
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
