package dev.switchboard.daemon;

import dev.switchboard.sim.ForwardingSimulator;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A simulator whose answers to matching requests a test holds back for as long as it likes: while held,
 * a matching request is carried out and then waits, unanswered, until {@link #release()}. The test learns
 * that a request is being held from {@link #awaitHeld()}, a signal, not a guess of how long anything takes.
 * The server serialises requests to one simulator, so every other request to it waits too.
 */
final class HeldAnswers extends ForwardingSimulator {

    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final String method;
    private final Pattern path;
    private final Semaphore held = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    HeldAnswers(Simulator delegate, String method, String pathRegex) {
        super(delegate);
        this.method = method;
        this.path = Pattern.compile(pathRegex);
    }

    /** From now on, matching requests are held after they are carried out. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the requests held, and every later one at once. */
    void release() {
        gate.countDown();
    }

    /** Waits until a matching request has been carried out and is being held. */
    void awaitHeld() throws InterruptedException {
        if (!held.tryAcquire(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("no " + method + " " + path + " came within " + LONGEST);
        }
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        delegate().handle(exchange);
        CountDownLatch current = gate;
        if (current.getCount() > 0 && exchange.method().equals(method) && path.matcher(exchange.path()).matches()) {
            held.release();
            try {
                if (!current.await(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held longer than " + LONGEST + ": the test never released it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
