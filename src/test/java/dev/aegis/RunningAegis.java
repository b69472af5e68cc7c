package dev.aegis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A whole Aegis started the way {@code java -jar} starts it, outside the shared test context, for tests about
 * start-up and the database underneath. Its arguments beat the system properties {@link TestDatabase} sets, so
 * each test says which database this instance gets.
 *
 * <p>Vaadin makes each application's security context strategy the JVM-wide one. While this instance runs it is
 * this instance's; closing it gives the strategy back, or the shared test context would no longer see who is
 * signed in (neither through API tokens nor through {@code TestAccounts.signIn}).
 */
public final class RunningAegis implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final SecurityContextHolderStrategy previousStrategy;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningAegis(ConfigurableApplicationContext context, SecurityContextHolderStrategy previousStrategy) {
        this.context = context;
        this.previousStrategy = previousStrategy;
    }

    /** Starts Aegis on a random port with the given {@code name=value} settings. */
    public static RunningAegis start(String... settings) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        for (String setting : settings) {
            args.add("--" + setting);
        }
        SecurityContextHolderStrategy previous = SecurityContextHolder.getContextHolderStrategy();
        try {
            String[] arguments = args.toArray(String[]::new);
            // as java -jar: the mode (aegis.mode=monitor among the settings) picks the application
            return new RunningAegis(Application.application(arguments).run(arguments), previous);
        } catch (RuntimeException e) {
            SecurityContextHolder.setContextHolderStrategy(previous);
            throw e;
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public HttpResponse<String> get(String path, String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(previousStrategy);
        }
    }
}
