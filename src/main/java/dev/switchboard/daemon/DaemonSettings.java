package dev.switchboard.daemon;

import io.quarkus.runtime.configuration.DurationConverter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The daemon's typed settings, parsed from {@link DaemonConfig}'s text when {@code serve} starts: a value that
 * is no duration, share, mode or URL is refused naming the environment variable the operator set, its value
 * and how to write it.
 *
 * @param poll how often a Git source is fetched between runs
 * @param concurrentTargets how many targets a pass reconciles at once
 * @param fleet how the targets are shared among replicas
 */
record DaemonSettings(Duration interval, double jitter, DaemonConfig.Mode mode, Duration retryInitial,
                      Duration retryMax, Duration shutdownGrace, Duration poll,
                      int concurrentTargets, FleetSettings fleet) {

    /** @throws DaemonConfigException naming the first setting that is malformed */
    static DaemonSettings of(DaemonConfig config) {
        return new DaemonSettings(duration("SWITCHBOARD_INTERVAL", config.interval()),
                share("SWITCHBOARD_JITTER", config.jitter()), mode("SWITCHBOARD_MODE", config.mode()),
                duration("SWITCHBOARD_RETRY_INITIAL", config.retryInitial()),
                duration("SWITCHBOARD_RETRY_MAX", config.retryMax()),
                duration("SWITCHBOARD_SHUTDOWN_GRACE", config.shutdownGrace()),
                duration("SWITCHBOARD_GIT_POLL", config.git().poll()),
                count("SWITCHBOARD_CONCURRENT_TARGETS", config.concurrentTargets(), "targets reconciled at once"),
                FleetSettings.of(config));
    }

    /** A whole number of at least 1. */
    static int count(String variable, String value, String what) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new DaemonConfigException(variable + " is '" + value + "', which is no count of " + what
                + ": write a whole number of at least 1, such as 4");
    }

    /** {@code 90s}, {@code 3m}, {@code 1h}, {@code 500ms}, or ISO-8601 ({@code PT3M}), as Quarkus reads durations. */
    static Duration duration(String variable, String value) {
        try {
            return DurationConverter.parseDuration(value.trim());
        } catch (RuntimeException e) {
            throw new DaemonConfigException(variable + " is '" + value + "', which is no duration: write it as 90s, 3m, 1h"
                    + " or 500ms");
        }
    }

    static double share(String variable, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new DaemonConfigException(variable + " is '" + value + "', which is no number: write a share between"
                    + " 0 and 1, such as 0.2");
        }
    }

    static DaemonConfig.Mode mode(String variable, String value) {
        try {
            return DaemonConfig.Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DaemonConfigException(variable + " is '" + value + "': the modes are " + Arrays.stream(
                    DaemonConfig.Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" and "))
                    + " (drift reports, apply heals)");
        }
    }

    /** An absolute http or https URL; the value is not repeated when it may be a secret. */
    static URI url(String variable, String value, boolean secret) {
        try {
            URI uri = new URI(value.trim());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new DaemonConfigException(variable + (secret ? "" : " is '" + value + "', which") + " is no http or https URL"
                + ": write it as https://host/path");
    }
}
