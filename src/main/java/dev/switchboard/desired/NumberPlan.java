package dev.switchboard.desired;

import dev.switchboard.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code settings.numberPlan}: groups of targets that share one dial plan, so that an extension is owned
 * once across all of them, within the ranges given, each mailbox belongs to an extension of its scope, and,
 * where asked, every extension has a mailbox. Which fields are extensions and mailboxes the target systems
 * say ({@link NumberField}), and this plan holds them, so that the checks of a plan have all they need.
 *
 * @param scopes the groups, in the order written
 * @param fields the fields of the installed systems' kinds that hold extensions and mailboxes
 */
public record NumberPlan(List<Scope> scopes, List<NumberField> fields) {

    public static final NumberPlan NONE = new NumberPlan(List.of(), List.of());

    public NumberPlan {
        scopes = List.copyOf(scopes);
        fields = List.copyOf(fields);
    }

    /** The scope {@code target} belongs to; a target is in one scope at most. */
    public Optional<Scope> scopeOf(String target) {
        return scopes.stream().filter(s -> s.targets().contains(target)).findFirst();
    }

    /**
     * One dial plan shared by several targets.
     *
     * @param ranges            where its extensions must lie; empty: anywhere
     * @param mailboxesRequired {@code mailboxes: required}: every extension has a mailbox of the same number
     * @param location          where it is written in {@code switchboard.yaml}
     */
    public record Scope(String name, List<String> targets, List<Range> ranges, boolean mailboxesRequired,
                        SourceLocation location) {

        public Scope {
            Objects.requireNonNull(name, "name");
            targets = List.copyOf(targets);
            ranges = List.copyOf(ranges);
            Objects.requireNonNull(location, "location");
        }

        /** Whether {@code number} lies in one of the ranges (always, when there are none). */
        public boolean allows(String number) {
            return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(number));
        }

        /** {@code 1000-1999, 4000-4099}. */
        public String rangesText() {
            return String.join(", ", ranges.stream().map(Range::text).toList());
        }
    }

    /**
     * A range of numbers, {@code 1000-1999} or a single {@code 1000}, both ends included. A number is in it
     * when it is written in digits and lies between the ends, compared as numbers of the same length: with
     * {@code 1000-1999}, {@code 01500} is not in it, as a phone dials it.
     */
    public record Range(String from, String to) {

        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /**
         * {@code text} as a range, or empty when it is none ({@code 1999-1000}, letters): the schema has
         * already checked the form, this the order of the ends.
         */
        public static Optional<Range> parse(String text) {
            String[] ends = text.replace(" ", "").split("-", -1);
            if (ends.length > 2 || ends[0].isEmpty() || !ends[0].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            String to = ends.length == 2 ? ends[1] : ends[0];
            if (to.isEmpty() || !to.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            Range range = new Range(ends[0], to);
            return compare(range.from, range.to) <= 0 ? Optional.of(range) : Optional.empty();
        }

        public boolean contains(String number) {
            if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
                return false;
            }
            return compare(from, number) <= 0 && compare(number, to) <= 0;
        }

        /** As numbers: a shorter one is smaller; numbers of one length compare digit by digit. */
        private static int compare(String a, String b) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }

        public String text() {
            return from.equals(to) ? from : from + "-" + to;
        }
    }
}
