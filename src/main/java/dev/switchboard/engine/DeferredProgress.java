package dev.switchboard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A progress that records its events until {@link #replayTo} names the real one, then replays them and
 * forwards the rest as they come; {@code replayTo} returns once the work has ended.
 */
final class DeferredProgress implements Progress {
    private final List<Runnable> held = new ArrayList<>();
    private Progress real;
    private boolean ended;

    @Override
    public synchronized void start(String task, long total) {
        forward(p -> p.start(task, total));
    }

    @Override
    public synchronized void step(long done) {
        forward(p -> p.step(done));
    }

    @Override
    public synchronized void finish() {
        forward(Progress::finish);
    }

    private void forward(java.util.function.Consumer<Progress> event) {
        if (real != null) {
            event.accept(real);
        } else {
            held.add(() -> event.accept(real));
        }
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    void replayTo(Progress progress) {
        synchronized (this) {
            real = progress;
            held.forEach(Runnable::run);
            held.clear();
            while (!ended) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
