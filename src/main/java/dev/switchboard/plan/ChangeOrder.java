package dev.switchboard.plan;

import dev.switchboard.model.ResourceKind;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one total order of a target's changes, used for output and as the apply executor's sequence
 * when it runs one change at a time (the {@link DependencyGraph} says what may run in parallel).
 *
 * <p>Order is 1. group, 2. kind, 3. key depth, 4. key:
 * <ol>
 *   <li>creates, updates and replaces first, then deletes, then unmanaged objects and no-ops (they do nothing,
 *       and come last only for display). Creates and updates go before deletes so that an object moved
 *       off a parent that is going away (a mailbox re-pointed to another feature group) moves first.</li>
 *   <li>creates, updates, unmanaged and no-ops in kind order, parents first (the order of
 *       {@link TargetCapabilities#kindOrder()}, which is the provider's); deletes in reverse kind order,
 *       children first. Kinds missing from the order go after every known kind.</li>
 *   <li>the number of key parts, fewer first (a department before the departments nested in it); for
 *       deletes more first.</li>
 *   <li>the natural key, part by part, parts that are both numbers by value ({@code 9} before {@code 10}),
 *       others as text.</li>
 * </ol>
 */
public final class ChangeOrder implements Comparator<Change> {

    private final List<ResourceKind> kindOrder;
    /** Each kind's first place in {@link #kindOrder}: looked up for every comparison of a sort. */
    private final Map<ResourceKind, Integer> ranks = new HashMap<>();

    public ChangeOrder(List<ResourceKind> kindOrder) {
        this.kindOrder = List.copyOf(kindOrder);
        for (int i = 0; i < this.kindOrder.size(); i++) {
            ranks.putIfAbsent(this.kindOrder.get(i), i);
        }
    }

    @Override
    public int compare(Change a, Change b) {
        int byGroup = Integer.compare(group(a), group(b));
        if (byGroup != 0) {
            return byGroup;
        }
        boolean reversed = a.action() == Action.DELETE;
        int byKind = Integer.compare(kindRank(a.kind()), kindRank(b.kind()));
        if (byKind != 0) {
            return reversed ? -byKind : byKind;
        }
        int byDepth = Integer.compare(a.key().parts().size(), b.key().parts().size());
        if (byDepth != 0) {
            return reversed ? -byDepth : byDepth;
        }
        int byParts = compareParts(a.key().parts(), b.key().parts());
        return byParts != 0 ? byParts : a.key().compareTo(b.key()); // two kinds missing from the order
    }

    private static int compareParts(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int byPart = isNumber(x) && isNumber(y) ? compareNumbers(x, y) : x.compareTo(y);
            if (byPart != 0) {
                return byPart;
            }
            if (!x.equals(y)) {
                return x.compareTo(y); // "01" and "1": equal numbers, still two keys
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isNumber(String part) {
        if (part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Two strings of digits by their values, as {@code BigInteger} compares them, without making them. */
    static int compareNumbers(String x, String y) {
        int i = leadingZeros(x);
        int j = leadingZeros(y);
        int byLength = Integer.compare(x.length() - i, y.length() - j);
        if (byLength != 0) {
            return byLength;
        }
        for (; i < x.length(); i++, j++) {
            int byDigit = Character.compare(x.charAt(i), y.charAt(j));
            if (byDigit != 0) {
                return byDigit < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    private static int leadingZeros(String digits) {
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }

    private static int group(Change change) {
        return switch (change.action()) {
            case CREATE, UPDATE, REPLACE -> 0;
            case DELETE -> 1;
            case UNMANAGED, NO_OP -> 2;
        };
    }

    private int kindRank(ResourceKind kind) {
        Integer rank = ranks.get(kind);
        return rank == null ? kindOrder.size() : rank;
    }
}
