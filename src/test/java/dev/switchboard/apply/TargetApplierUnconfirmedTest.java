package dev.switchboard.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.provider.UnconfirmedWriteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write the server accepted but that did not show on reading back is unconfirmed: not applied, not failed. */
class TargetApplierUnconfirmedTest {

    private static final ResourceKind USER = ResourceKind.of("test", "user");
    private static final ResourceKind CHILD = ResourceKind.of("test", "child");

    /** Creates everything, except users named "lost", whose create is accepted but never shows. */
    private static class AsyncServer implements Provider, Creator {
        private final ResourceKind kind;

        AsyncServer(ResourceKind kind) {
            this.kind = kind;
        }

        @Override
        public ResourceKind kind() {
            return kind;
        }

        @Override
        public Resource create(Resource desired, IdResolver ids) {
            if (desired.key().leaf().equals("lost")) {
                throw new UnconfirmedWriteException("t", Optional.of(desired.key().toString()), "POST", "/users", 200, "30 s");
            }
            return Resource.live(desired.key(), "id-" + desired.key().leaf(), desired.fields(), Set.of());
        }

        @Override
        public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
            return Optional.empty();
        }

        @Override
        public TargetSpec target() {
            return new TargetSpec("t", "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
        }

        @Override
        public List<ResourceType> types() {
            return List.of(this, new AsyncServer(CHILD));
        }

        @Override
        public ResourceSet fetchLiveState(FetchProgress progress) {
            return ResourceSet.empty("t");
        }
    }

    private static Resource desired(ResourceKind kind, String name, Set<ResourceKey> dependsOn) {
        return Resource.desired(ResourceKey.of(kind, name), Map.of("name", name), dependsOn, ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("t.yaml")));
    }

    @Test
    void anUnconfirmedCreateIsReportedAndJournalledAsSuchAndItsDependantsWait(@TempDir Path dir) throws Exception {
        Change lost = Change.create("t", desired(USER, "lost", Set.of()));
        Change child = Change.create("t", desired(CHILD, "of-lost", Set.of(ResourceKey.of(USER, "lost"))));
        Change kept = Change.create("t", desired(USER, "kept", Set.of()));
        TargetPlan plan = new TargetPlan("t", TargetSpec.Policy.DEFAULT, 0, List.of(lost, child, kept), List.of());

        TargetApplyReport report = new TargetApplier(new AsyncServer(USER), ResourceSet.empty("t"),
                WriteOnlyFingerprints.open(dir.resolve(".switchboard"), "t"), Clock.systemUTC())
                .apply(plan, dir, 2, done -> { });

        assertThat(report.results()).extracting(ChangeResult::status).containsExactly(ChangeResult.Status.UNCONFIRMED,
                ChangeResult.Status.SKIPPED, ChangeResult.Status.APPLIED);
        assertThat(report.results().get(0).message()).get().asString().contains("not visible on reading back after 30 s");
        assertThat(report.count(ChangeResult.Status.UNCONFIRMED)).isEqualTo(1);
        assertThat(report.count(ChangeResult.Status.FAILED)).isZero();
        assertThat(report.succeeded()).isFalse();
        assertThat(new ApplyReport(List.of(report)).succeeded()).isFalse();

        String journal = Files.readString(report.journal().orElseThrow());
        assertThat(journal).contains("\"event\":\"unconfirmed\",\"target\":\"t\",\"kind\":\"user\",\"key\":\"lost\"")
                .doesNotContain("\"event\":\"failed\"");
    }

    @Test
    void theFactoryNamesTheStatus() {
        Change change = Change.create("t", desired(USER, "x", Set.of()));
        ChangeResult result = ChangeResult.unconfirmed(change, "accepted, not seen");
        assertThat(result.status()).isEqualTo(ChangeResult.Status.UNCONFIRMED);
        assertThat(result.message()).contains("accepted, not seen");
        assertThat(result.note()).isEmpty();
    }
}
