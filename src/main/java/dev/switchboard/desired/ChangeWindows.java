package dev.switchboard.desired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The change windows of {@code settings.windows}, combined as Argo CD combines sync windows: a target that no
 * window covers is always open; a deny window that is on closes it, whatever allow windows say; a target
 * covered by an allow window is open only while one is on.
 */
public record ChangeWindows(List<ChangeWindow> windows) {

    public static final ChangeWindows NONE = new ChangeWindows(List.of());

    /** How far ahead {@link #state} looks for the next opening, and for the closing of an open target. */
    private static final int OPENING_LOOKAHEAD_DAYS = 366;
    private static final int CLOSING_LOOKAHEAD_DAYS = 7;
    /**
     * At most this many window starts and ends are tried, for an opening and for a closing: windows back to back
     * never close, and each try asks every window's schedule.
     */
    private static final int MAX_OPENING_CANDIDATES = 1000;
    private static final int MAX_CLOSING_CANDIDATES = 200;

    public ChangeWindows {
        windows = List.copyOf(windows);
    }

    /**
     * Whether {@code target} may be applied at {@code time}, and when that next changes.
     *
     * @param open       applies may run now
     * @param covered    some window covers the target (when not, it is always open and nothing else is said)
     * @param because    the window that decides, when one does
     * @param nextChange when it opens next (when closed: empty if not within a year) or closes (when open)
     */
    public record State(boolean open, boolean covered, Optional<ChangeWindow> because, Optional<Instant> nextChange) {

        /** {@code open until ...}, {@code closed: opens at ... (allow "..." ...)}; for plan, apply and the daemon. */
        public String describe() {
            if (!covered) {
                return "open (no change window covers it)";
            }
            String window = because.map(w -> " (" + w.describe() + ")").orElse("");
            if (open) {
                return "open" + window + nextChange.map(t -> " until " + t).orElse("");
            }
            return "closed" + window + nextChange.map(t -> "; the next window opens at " + t)
                    .orElse("; no window opens within a year");
        }
    }

    public State state(String target, Instant time) {
        List<ChangeWindow> covering = windows.stream().filter(w -> w.covers(target)).toList();
        if (covering.isEmpty()) {
            return new State(true, false, Optional.empty(), Optional.empty());
        }
        if (openAt(covering, time)) {
            Optional<ChangeWindow> allow = covering.stream()
                    .filter(w -> w.kind() == ChangeWindow.Kind.ALLOW && w.activeSince(time).isPresent()).findFirst();
            return new State(true, true, allow, nextFlip(covering, time, false));
        }
        Optional<ChangeWindow> deny = covering.stream()
                .filter(w -> w.kind() == ChangeWindow.Kind.DENY && w.activeSince(time).isPresent()).findFirst();
        Optional<Instant> opens = nextFlip(covering, time, true);
        Optional<ChangeWindow> because = deny.or(() -> opens.flatMap(t -> covering.stream()
                .filter(w -> w.kind() == ChangeWindow.Kind.ALLOW && w.activeSince(t).isPresent()).findFirst()));
        return new State(false, true, because, opens);
    }

    private static boolean openAt(List<ChangeWindow> covering, Instant time) {
        boolean anyAllow = false;
        boolean allowOn = false;
        for (ChangeWindow window : covering) {
            boolean on = window.activeSince(time).isPresent();
            if (window.kind() == ChangeWindow.Kind.DENY && on) {
                return false;
            }
            if (window.kind() == ChangeWindow.Kind.ALLOW) {
                anyAllow = true;
                allowOn |= on;
            }
        }
        return !anyAllow || allowOn;
    }

    /**
     * The first time after {@code time} when the target becomes open ({@code opening}) or closed: the state
     * changes only where a window starts or ends, so those are the times to try, in order.
     */
    private static Optional<Instant> nextFlip(List<ChangeWindow> covering, Instant time, boolean opening) {
        Instant horizon = time.plus(opening ? OPENING_LOOKAHEAD_DAYS : CLOSING_LOOKAHEAD_DAYS, ChronoUnit.DAYS);
        Instant from = time;
        int tried = 0;
        int most = opening ? MAX_OPENING_CANDIDATES : MAX_CLOSING_CANDIDATES;
        while (from.isBefore(horizon) && tried < most) {
            TreeSet<Instant> candidates = new TreeSet<>();
            for (ChangeWindow window : covering) {
                window.activeSince(from).ifPresent(start -> candidates.add(start.plus(window.duration())));
                Optional<Instant> next = window.nextStart(from);
                next.ifPresent(candidates::add);
                next.ifPresent(start -> candidates.add(start.plus(window.duration())));
            }
            Instant last = from;
            for (Instant candidate : new ArrayList<>(candidates.tailSet(from, false))) {
                if (++tried > most || candidate.isAfter(horizon)) {
                    return Optional.empty();
                }
                if (openAt(covering, candidate) == opening) {
                    return Optional.of(candidate);
                }
                last = candidate;
            }
            if (!last.isAfter(from)) {
                return Optional.empty();
            }
            from = last;
        }
        return Optional.empty();
    }
}
