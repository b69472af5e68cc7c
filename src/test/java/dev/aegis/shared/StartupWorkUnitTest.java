package dev.aegis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupWorkUnitTest {

    @Test
    void in_production_start_up_upkeep_runs_off_the_starting_thread_in_the_order_it_was_handed_over() throws Exception {
        StartupWork work = new StartupWork(true, false);
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        work.run("first", () -> {
            await(release);
            done.add("first on " + Thread.currentThread().getName());
        });
        work.run("fails", () -> {
            throw new IllegalStateException("database away for a moment");
        });
        work.run("second", () -> {
            done.add("second");
            finished.countDown();
        });

        // the caller went on while the first piece of work still waits: start-up is not held back
        assertThat(done).isEmpty();
        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).containsExactly("first on aegis-after-start", "second");
        work.stop();
    }

    @Test
    void tests_and_the_demo_content_get_the_upkeep_done_before_start_up_goes_on() {
        for (StartupWork work : List.of(new StartupWork(false, false), new StartupWork(true, true))) {
            List<String> done = new CopyOnWriteArrayList<>();
            work.run("now", () -> done.add(Thread.currentThread().getName()));
            assertThat(done).containsExactly(Thread.currentThread().getName());
            assertThat(work.background()).isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
