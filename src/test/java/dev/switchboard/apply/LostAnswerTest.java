package dev.switchboard.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Planner;
import dev.switchboard.plan.TargetCapabilities;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.provider.Updater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DELETE or PUT whose answer is lost is never tried again blindly: the object is looked up by natural
 * key, and written again only where that key still has the ID the plan was made with. The server here
 * reuses IDs the moment they are freed, as Officelinx does ("the maximum ID + 1").
 */
class LostAnswerTest {

    private static final ResourceKind THING = ResourceKind.of("test", "thing");
    private static final TargetSpec TARGET = new TargetSpec("t", "test", "embedded", Map.of(), Map.of(),
            TargetSpec.Tls.DEFAULT, new TargetSpec.Policy(true, false, false, 100, 100, 1));

    @TempDir
    Path dir;

    /** What the server holds, by ID, and how the next write's answer is lost. */
    private final Map<String, Resource> server = new ConcurrentHashMap<>();
    private final AtomicInteger deletes = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();
    /** How many create answers in a row are lost before the server carries one out and answers. */
    private int createsLost = 0;
    private Runnable loseNextAnswer = () -> { };
    private boolean processBeforeLosing = true;

    private static Resource live(String name, String id, String colour) {
        return Resource.live(ResourceKey.of(THING, name), id, Map.of("name", name, "colour", colour), Set.of());
    }

    private static Resource desired(String name, String colour) {
        return Resource.desired(ResourceKey.of(THING, name), Map.of("name", name, "colour", colour), Set.of(),
                ResourceOptions.NONE, SourceLocation.startOf(Path.of("things.yaml")));
    }

    private ProviderException lost(String method, Resource object) {
        return new ProviderException("t", Optional.of(object.key().toString()), method, "/things/" + object.id().orElse("?"),
                0, "connection reset", true, null);
    }

    private final class Things implements Creator, Updater, Deleter {
        @Override
        public ResourceKind kind() {
            return THING;
        }

        @Override
        public Resource create(Resource desired, IdResolver ids) {
            // The server never got (or never carried out) the lost ones: the connection broke before its answer.
            if (creates.incrementAndGet() <= createsLost) {
                throw lost("POST", desired);
            }
            String id = String.valueOf(10 + creates.get());
            Resource made = live(desired.key().leaf(), id, (String) desired.fields().get("colour"));
            server.put(id, made);
            return made;
        }

        @Override
        public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
            return server.values().stream().filter(r -> r.key().equals(desired.key())).findFirst();
        }

        @Override
        public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
            updates.incrementAndGet();
            Runnable lose = loseNextAnswer;
            loseNextAnswer = () -> { };
            if (processBeforeLosing || updates.get() > 1) {
                server.put(live.id().orElseThrow(), live(live.key().leaf(), live.id().orElseThrow(),
                        (String) desired.fields().get("colour")));
            }
            if (updates.get() == 1) {
                lose.run();
                throw lost("PUT", live);
            }
        }

        @Override
        public void delete(Resource live) {
            deletes.incrementAndGet();
            Runnable lose = loseNextAnswer;
            loseNextAnswer = () -> { };
            if (processBeforeLosing || deletes.get() > 1) {
                server.remove(live.id().orElseThrow());
            }
            if (deletes.get() == 1) {
                lose.run();
                throw lost("DELETE", live);
            }
        }
    }

    private TargetApplyReport apply(ResourceSet desired) {
        ResourceSet liveState = ResourceSet.of("t", List.copyOf(server.values()));
        Provider provider = new Provider() {
            @Override
            public TargetSpec target() {
                return TARGET;
            }

            @Override
            public List<ResourceType> types() {
                return List.of(new Things());
            }

            @Override
            public ResourceSet fetchLiveState(FetchProgress progress) {
                return liveState;
            }
        };
        TargetPlan plan = new Planner().plan(TARGET, desired, liveState, TargetCapabilities.unrestricted(List.of(THING)));
        return new TargetApplier(provider, liveState, WriteOnlyFingerprints.open(dir, "t"), Clock.systemUTC())
                .apply(plan, dir, 1, n -> { });
    }

    @Test
    void aLostDeleteWhoseIdWentToAnotherObjectLeavesThatObjectAlone() {
        server.put("5", live("old", "5", "red"));
        loseNextAnswer = () -> server.put("5", live("newcomer", "5", "blue"));

        TargetApplyReport report = apply(ResourceSet.empty("t"));

        assertThat(report.succeeded()).as(report.results().toString()).isTrue();
        assertThat(report.results().get(0).note()).contains("the server had deleted it although its answer was lost");
        assertThat(deletes).hasValue(1);
        assertThat(server).containsOnlyKeys("5");
        assertThat(server.get("5").key().leaf()).isEqualTo("newcomer");
    }

    @Test
    void aLostDeleteTheServerNeverCarriedOutIsSentAgain() {
        server.put("5", live("old", "5", "red"));
        processBeforeLosing = false;

        TargetApplyReport report = apply(ResourceSet.empty("t"));

        assertThat(report.succeeded()).as(report.results().toString()).isTrue();
        assertThat(deletes).hasValue(2);
        assertThat(server).isEmpty();
    }

    @Test
    void aLostUpdateIsNotSentAgainOnceItsObjectIsGoneFromItsId() {
        server.put("5", live("lamp", "5", "red"));
        processBeforeLosing = false;
        loseNextAnswer = () -> {
            server.remove("5");
            server.put("6", live("lamp", "6", "red"));
        };

        TargetApplyReport report = apply(ResourceSet.of("t", List.of(desired("lamp", "green"))));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.results().get(0).message().orElseThrow())
                .contains("thing lamp is now under another ID than 5, so nothing was written again: run plan again");
        assertThat(updates).hasValue(1);
    }

    @Test
    void aLostUpdateOfAnObjectStillUnderItsIdIsSentAgain() {
        server.put("5", live("lamp", "5", "red"));
        processBeforeLosing = false;

        TargetApplyReport report = apply(ResourceSet.of("t", List.of(desired("lamp", "green"))));

        assertThat(report.succeeded()).as(report.results().toString()).isTrue();
        assertThat(updates).hasValue(2);
        assertThat(server.get("5").fields()).containsEntry("colour", "green");
    }

    @Test
    void aLostCreateTheServerNeverCarriedOutIsLookedUpThenSentAgainOnce() {
        createsLost = 1;

        TargetApplyReport report = apply(ResourceSet.of("t", List.of(desired("lamp", "green"))));

        assertThat(report.succeeded()).as(report.results().toString()).isTrue();
        assertThat(report.results().get(0).note()).isEmpty();
        assertThat(creates).hasValue(2);
        assertThat(server.values()).extracting(r -> r.key().leaf()).containsExactly("lamp");
    }

    @Test
    void aCreateWhoseAnswerIsLostEveryTimeFailsWithTheLastErrorAndMakesNothing() throws Exception {
        createsLost = Integer.MAX_VALUE;

        TargetApplyReport report = apply(ResourceSet.of("t", List.of(desired("lamp", "green"))));

        assertThat(report.succeeded()).isFalse();
        assertThat(creates).as("three attempts, each after a look-up found nothing").hasValue(3);
        assertThat(server).isEmpty();
        assertThat(report.results().get(0).message().orElseThrow()).contains("POST").contains("connection reset");
        try (var journals = Files.list(dir.resolve(Journal.DIRECTORY))) {
            Path journal = journals.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(journal)).filteredOn(l -> l.contains("outcome-unknown")).hasSize(3);
        }
    }
}
