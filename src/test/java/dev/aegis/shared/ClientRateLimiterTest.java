package dev.aegis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    final TestClock clock = new TestClock();

    @Test
    void a_client_gets_its_burst_then_waits_for_the_refill() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, 0.5, 100, clock);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).as("a token comes back every 2 s").isEqualTo(2);

        clock.advance(Duration.ofMillis(1_500));
        assertThat(limiter.tryAcquire("a")).as("0.75 of a token is there").isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(2);
    }

    @Test
    void clients_have_their_own_buckets() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100, clock);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);
        assertThat(limiter.tryAcquire("b")).isZero();
    }

    @Test
    void idle_clients_are_forgotten_when_too_many_are_tracked() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 1, 3, clock);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        clock.advance(Duration.ofSeconds(5));
        limiter.tryAcquire("c");

        limiter.tryAcquire("d");

        assertThat(limiter.trackedClients())
                .as("a and b refilled and were dropped; c is still using its bucket")
                .isEqualTo(2);
    }
}
