package dev.gazette.serve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DebouncerTest {

    @Test
    void aBurstOfEventsRunsTheActionOnceWithAllOfThem() throws Exception {
        BlockingQueue<Set<String>> runs = new LinkedBlockingQueue<>();
        // A quiet period 25 times the gaps of the burst: a busy machine that stalls this thread for
        // over 150 ms (seen under a load of 15) must not split the burst into two runs.
        try (Debouncer<String> debouncer = new Debouncer<>(Duration.ofMillis(500), "test", runs::add)) {
            for (String item : List.of("a.md", "a.md~", "b.md", "a.md")) {
                debouncer.add(item);
                Thread.sleep(20);
            }
            assertThat(runs.poll(5, TimeUnit.SECONDS)).containsExactly("a.md", "a.md~", "b.md");
            assertThat(runs.poll(1, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void waitsForQuietBeforeRunning() throws Exception {
        BlockingQueue<Long> at = new LinkedBlockingQueue<>();
        try (Debouncer<String> debouncer = new Debouncer<>(Duration.ofMillis(200), "test", batch -> at.add(System.nanoTime()))) {
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                added.add(System.nanoTime());
                debouncer.add("x" + i);
                Thread.sleep(50);
            }
            Long ran = at.poll(5, TimeUnit.SECONDS);
            assertThat(ran).isNotNull();
            // On a loaded machine a 50 ms sleep may last longer than the quiet period, and the run
            // rightly comes between two adds: measured from the last add before it.
            long last = added.stream().filter(t -> t < ran).max(Long::compare).orElseThrow();
            assertThat(TimeUnit.NANOSECONDS.toMillis(ran - last)).isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void eventsDuringARunGoToTheNextRunNotAParallelOne() throws Exception {
        BlockingQueue<Set<String>> runs = new LinkedBlockingQueue<>();
        CountDownLatch inFirstRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Debouncer<String> debouncer = new Debouncer<>(Duration.ofMillis(30), "test", batch -> {
            runs.add(batch);
            inFirstRun.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            debouncer.add("first");
            assertThat(inFirstRun.await(5, TimeUnit.SECONDS)).isTrue();
            debouncer.add("second");
            debouncer.add("third");
            Thread.sleep(150);
            assertThat(runs).hasSize(1);
            release.countDown();
            assertThat(runs.poll(5, TimeUnit.SECONDS)).containsExactly("first");
            assertThat(runs.poll(5, TimeUnit.SECONDS)).containsExactly("second", "third");
        }
    }
}
