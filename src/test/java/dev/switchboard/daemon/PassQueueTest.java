package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.daemon.Daemon.Trigger;
import org.junit.jupiter.api.Test;

class PassQueueTest {

    @Test
    void startsAPassWhenIdle() {
        PassQueue queue = new PassQueue();
        assertThat(queue.offer(Trigger.WEBHOOK)).isTrue();
        assertThat(queue.running()).isTrue();
        assertThat(queue.next(false)).isEmpty();
        assertThat(queue.running()).isFalse();
        assertThat(queue.offer(Trigger.SCHEDULE)).as("idle again").isTrue();
    }

    @Test
    void aBurstOfTriggersDuringAPassQueuesExactlyOneMore() {
        PassQueue queue = new PassQueue();
        queue.offer(Trigger.START);
        for (int i = 0; i < 10; i++) {
            assertThat(queue.offer(i % 2 == 0 ? Trigger.WEBHOOK : Trigger.MANUAL)).isFalse();
        }
        assertThat(queue.next(false)).contains(Trigger.WEBHOOK);
        assertThat(queue.running()).isTrue();
        assertThat(queue.next(false)).isEmpty();
    }

    @Test
    void aPollNeverDisplacesAStrongerReasonButIsDisplacedByOne() {
        PassQueue queue = new PassQueue();
        queue.offer(Trigger.START);
        queue.offer(Trigger.POLL);
        queue.offer(Trigger.MANUAL);
        queue.offer(Trigger.POLL);
        assertThat(queue.next(false)).contains(Trigger.MANUAL);
    }

    @Test
    void stoppingDropsWhatWasQueued() {
        PassQueue queue = new PassQueue();
        queue.offer(Trigger.START);
        queue.offer(Trigger.SCHEDULE);
        assertThat(queue.next(true)).isEmpty();
        assertThat(queue.running()).isFalse();
    }
}
