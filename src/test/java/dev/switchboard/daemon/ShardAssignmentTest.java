package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rendezvous hashing of target names over replicas: stable, balanced enough, and moving only what must move. */
class ShardAssignmentTest {

    private static final List<String> TARGETS = IntStream.range(0, 300).mapToObj(i -> "pbx-site-" + i).toList();

    @Test
    void addingAFourthReplicaMovesAboutAQuarterOfTheTargetsAllToIt() {
        Map<String, String> three = owners(ShardAssignment.ofShards(3));
        Map<String, String> four = owners(ShardAssignment.ofShards(4));

        List<String> moved = TARGETS.stream().filter(t -> !three.get(t).equals(four.get(t))).toList();
        // 1/4 of 300 is 75: rendezvous hashing moves only the targets the new replica wins.
        assertThat(moved.size()).isBetween(50, 100);
        assertThat(moved).allSatisfy(t -> assertThat(four.get(t)).isEqualTo("3"));
    }

    @Test
    void losingAReplicaMovesOnlyItsTargets() {
        Map<String, String> three = owners(ShardAssignment.ofMembers(List.of("switchboard-0", "switchboard-1", "switchboard-2")));
        Map<String, String> two = owners(ShardAssignment.ofMembers(List.of("switchboard-0", "switchboard-2")));

        for (String target : TARGETS) {
            if (three.get(target).equals("switchboard-1")) {
                assertThat(two.get(target)).isIn("switchboard-0", "switchboard-2");
            } else {
                assertThat(two.get(target)).as(target).isEqualTo(three.get(target));
            }
        }
        assertThat(three.values()).filteredOn("switchboard-1"::equals).hasSizeBetween(70, 130);
    }

    @Test
    void everyReplicaComputesTheSameOwnersWhateverOrderItListsTheMembersIn() {
        List<String> members = new ArrayList<>(List.of("switchboard-0", "switchboard-1", "switchboard-2", "switchboard-3"));
        Map<String, String> first = owners(ShardAssignment.ofMembers(members));
        Collections.shuffle(members, new Random(7));
        members.add("switchboard-1"); // listed twice: one member still

        assertThat(owners(ShardAssignment.ofMembers(members))).isEqualTo(first);
        // Fixed expectations, so that a change of hash (which would reshuffle a running fleet on upgrade) is seen.
        assertThat(ShardAssignment.score("0", "olx-main")).isEqualTo(3245740228809584884L);
        ShardAssignment three = ShardAssignment.ofShards(3);
        assertThat(List.of("olx-main", "xci-paris", "pbx-site-0", "pbx-site-1", "pbx-site-2").stream()
                .map(t -> three.owner(t, OptionalInt.empty()).orElseThrow().id()).toList())
                .containsExactly("2", "0", "1", "0", "2");
    }

    @Test
    void sharesTheTargetsRoughlyEvenly() {
        Map<String, Integer> counts = new HashMap<>();
        owners(ShardAssignment.ofShards(3)).values().forEach(s -> counts.merge(s, 1, Integer::sum));

        assertThat(counts).containsOnlyKeys("0", "1", "2");
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(70, 130));
    }

    @Test
    void aPinnedTargetGoesToTheReplicaOfThatOrdinalWhenThereIsOne() {
        ShardAssignment leases = ShardAssignment.ofMembers(List.of("switchboard-0", "switchboard-1", "switchboard-2"));
        String hashed = leases.owner("pbx-site-1", OptionalInt.empty()).orElseThrow().id();
        String other = hashed.equals("switchboard-2") ? "switchboard-0" : "switchboard-2";
        int pin = FleetSettings.ordinal(other).getAsInt();

        assertThat(leases.owner("pbx-site-1", OptionalInt.of(pin)).orElseThrow().id()).isEqualTo(other);
        assertThat(ShardAssignment.ofShards(3).owner("pbx-site-1", OptionalInt.of(1)).orElseThrow().id()).isEqualTo("1");
        // Its replica gone, the pin cannot hold: the hash decides among those left, so the target is still reconciled.
        assertThat(leases.owner("pbx-site-1", OptionalInt.of(7)).orElseThrow().id()).isEqualTo(hashed);
    }

    @Test
    void noMembersOwnNothing() {
        assertThat(ShardAssignment.ofMembers(List.of()).owner("pbx-site-1", OptionalInt.empty())).isEmpty();
    }

    private static Map<String, String> owners(ShardAssignment assignment) {
        Map<String, String> owners = new HashMap<>();
        TARGETS.forEach(t -> owners.put(t, assignment.owner(t, OptionalInt.empty()).orElseThrow().id()));
        return owners;
    }
}
