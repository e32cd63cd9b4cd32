package dev.switchboard.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link SimServer} behaves besides the API it simulates.
 *
 * @param port       the port to listen on, 0 for one chosen by the system; always on 127.0.0.1
 * @param latency    added to every request before it is processed
 * @param failRate   share of requests, 0 to 1, answered 500 without being processed
 * @param slowDelay  how long a {@link Fault#SLOW} answer is held back
 * @param stateFile  where the state is loaded from at start and saved after every change
 * @param faults     named faults to produce, in order
 * @param seed       seed of the random failures, so a failing run can be replayed
 * @param faultMix   a share of requests answered with faults of every kind drawn at random
 * @param retryAfter the {@code Retry-After} of a {@link Fault#TOO_MANY_REQUESTS} answer
 */
public record SimOptions(int port, Duration latency, double failRate, Duration slowDelay,
                         Optional<Path> stateFile, List<FaultRule> faults, long seed, FaultMix faultMix,
                         Duration retryAfter) {

    public static final SimOptions DEFAULT = new SimOptions(0, Duration.ZERO, 0.0, Duration.ofSeconds(30),
            Optional.empty(), List.of(), 42L, FaultMix.NONE, Duration.ofSeconds(1));

    public SimOptions {
        faults = List.copyOf(faults);
        Objects.requireNonNull(faultMix, "faultMix");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (failRate < 0 || failRate > 1) {
            throw new IllegalArgumentException("the failure rate is a share between 0 and 1, not " + failRate);
        }
    }

    public SimOptions withPort(int newPort) {
        return new SimOptions(newPort, latency, failRate, slowDelay, stateFile, faults, seed, faultMix, retryAfter);
    }

    public SimOptions withStateFile(Path file) {
        return new SimOptions(port, latency, failRate, slowDelay, Optional.of(file), faults, seed, faultMix, retryAfter);
    }

    public SimOptions withLatency(Duration newLatency) {
        return new SimOptions(port, newLatency, failRate, slowDelay, stateFile, faults, seed, faultMix, retryAfter);
    }

    public SimOptions withFailRate(double rate) {
        return new SimOptions(port, latency, rate, slowDelay, stateFile, faults, seed, faultMix, retryAfter);
    }

    public SimOptions withSlowDelay(Duration delay) {
        return new SimOptions(port, latency, failRate, delay, stateFile, faults, seed, faultMix, retryAfter);
    }

    public SimOptions withFaults(List<FaultRule> rules) {
        return new SimOptions(port, latency, failRate, slowDelay, stateFile, rules, seed, faultMix, retryAfter);
    }

    public SimOptions withSeed(long newSeed) {
        return new SimOptions(port, latency, failRate, slowDelay, stateFile, faults, newSeed, faultMix, retryAfter);
    }

    public SimOptions withFaultMix(FaultMix mix) {
        return new SimOptions(port, latency, failRate, slowDelay, stateFile, faults, seed, mix, retryAfter);
    }

    public SimOptions withRetryAfter(Duration delay) {
        return new SimOptions(port, latency, failRate, slowDelay, stateFile, faults, seed, faultMix, delay);
    }
}
