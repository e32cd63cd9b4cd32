package dev.switchboard.desired;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.switchboard.model.Durations;
import dev.switchboard.model.SourceLocation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code settings.windows} (Argo CD's sync windows): from each time its {@code schedule} (a
 * five-field Unix cron expression, read in {@code zone}) fires, for {@code duration}, applies to its targets
 * are allowed ({@link Kind#ALLOW}) or refused ({@link Kind#DENY}). {@link ChangeWindows} combines them.
 *
 * @param targets the targets it covers; empty for every target
 * @param origin  where it is declared, for messages
 */
public record ChangeWindow(Kind kind, String schedule, Duration duration, List<String> targets, ZoneId zone,
                           SourceLocation origin) {

    /** Whether applies may run inside the window or not. */
    public enum Kind {
        ALLOW, DENY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Parsed once per expression: finding a next opening asks a schedule for its times many times over. */
    private static final java.util.Map<String, ExecutionTime> EXECUTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    public ChangeWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        targets = List.copyOf(targets);
        parse(schedule); // a bad expression never gets this far: the reader reports it with its line
    }

    /**
     * The cron expression {@code text} as cron-utils reads a Unix one, or why it is none.
     *
     * @throws IllegalArgumentException with cron-utils' reason when {@code text} is not a five-field expression
     */
    static Cron parse(String text) {
        Cron cron = PARSER.parse(text.trim());
        cron.validate();
        return cron;
    }

    public boolean covers(String target) {
        return targets.isEmpty() || targets.contains(target);
    }

    /**
     * The start of an occurrence that is on at {@code time}, if one is: the first start after
     * {@code time - duration} (an occurrence that started exactly then has just ended), when it is not after {@code time}.
     */
    public Optional<Instant> activeSince(Instant time) {
        return execution().nextExecution(time.minus(duration).atZone(zone)).map(ZonedDateTime::toInstant)
                .filter(start -> !start.isAfter(time));
    }

    /** The first start strictly after {@code time}. */
    public Optional<Instant> nextStart(Instant time) {
        return execution().nextExecution(time.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    private ExecutionTime execution() {
        return EXECUTIONS.computeIfAbsent(schedule, s -> ExecutionTime.forCron(parse(s)));
    }

    /** {@code allow "0 22 * * 1-5" for 2h (Europe/Paris)}. */
    public String describe() {
        return kind.label() + " \"" + schedule + "\" for " + Durations.format(duration) + " (" + zone.getId() + ")";
    }
}
