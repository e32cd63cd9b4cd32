package dev.switchboard.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in files and on command lines: {@code 0}, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    /** The form, for schemas and messages. */
    public static final String PATTERN = "^[0-9]+(ms|s|m|h)?$";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private Durations() {
    }

    /** The duration written as {@code text} (a bare number is seconds), or empty when it is none. */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long amount = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            });
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            // 99999999999999999999s: of the form, but no duration; "For input string" would reach the user.
            return Optional.empty();
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}: the shortest way to write {@code duration} back. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
