package dev.switchboard.daemon;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Which replica owns which target: rendezvous (highest random weight) hashing of the target's name over
 * the members, so that every replica computes the same owner from the same member list, and a member that
 * comes or goes moves only the targets it wins or held (about 1/N of them), none between the others.
 * A target pinned with {@code shard: K} goes to the member of ordinal K when there is one. Pure: no clock,
 * no I/O, no randomness beyond the hash.
 *
 * <p>The hash is FNV-1a (64 bits) of {@code member NUL target}, finished with SplitMix64's mixer so that
 * names that differ in one character score far apart. Ties (vanishingly rare) go to the smaller member id.
 */
public final class ShardAssignment {

    /**
     * A replica that owns targets.
     *
     * @param id      its name in the assignment: {@code 0} to {@code N-1} with static shards, the Lease holder's
     *                identity (the pod's name) with Leases
     * @param ordinal the shard number {@code shard: K} refers to: the static shard, or the ordinal at the end of
     *                the pod's name ({@code switchboard-2}: 2)
     */
    public record Member(String id, OptionalInt ordinal) {
        /** A member of a Lease fleet, its ordinal read from its name. */
        public static Member named(String identity) {
            return new Member(identity, FleetSettings.ordinal(identity));
        }
    }

    private final List<Member> members;

    private ShardAssignment(Collection<Member> members) {
        TreeSet<String> ids = new TreeSet<>();
        List<Member> sorted = new ArrayList<>();
        for (Member member : members) {
            if (ids.add(member.id())) {
                sorted.add(member);
            }
        }
        sorted.sort(Comparator.comparing(Member::id));
        this.members = List.copyOf(sorted);
    }

    /** Static sharding: shards {@code 0} to {@code replicas - 1}. */
    public static ShardAssignment ofShards(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("at least one replica, not " + replicas);
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            members.add(new Member(Integer.toString(i), OptionalInt.of(i)));
        }
        return new ShardAssignment(members);
    }

    /** Leases: the identities of the replicas whose Lease is unexpired, in any order, repeated or not. */
    public static ShardAssignment ofMembers(Collection<String> identities) {
        return new ShardAssignment(identities.stream().map(Member::named).toList());
    }

    /** The members, by id. */
    public List<Member> members() {
        return members;
    }

    /**
     * The member that owns {@code target}; empty when there are no members (no replica holds a Lease).
     *
     * @param pin {@code shard: K} of the target: the member of that ordinal when it is a member, else the hash
     */
    public Optional<Member> owner(String target, OptionalInt pin) {
        if (pin.isPresent()) {
            for (Member member : members) {
                if (member.ordinal().equals(pin)) {
                    return Optional.of(member);
                }
            }
        }
        Member best = null;
        long bestScore = 0;
        for (Member member : members) {
            long score = score(member.id(), target);
            // Members are sorted by id, so a strict comparison gives a tie to the smaller id.
            if (best == null || Long.compareUnsigned(score, bestScore) > 0) {
                best = member;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The weight of {@code target} on {@code member}: the highest wins. */
    static long score(String member, String target) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (member + '\0' + target).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash;
    }
}
