package dev.switchboard.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.diff.FieldDiff;
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
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying a replace: the live object is deleted, then the desired one created; the journal has both. */
class ReplaceApplyTest {

    private static final ResourceKind GROUP = ResourceKind.of("test", "group", "pin");
    private static final ResourceKey KEY = ResourceKey.of(GROUP, "accueil");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A kind that can be created and deleted but not updated, recording its calls. */
    static final class Groups implements Creator, Deleter {
        final List<String> calls = new ArrayList<>();
        boolean failCreate;

        @Override
        public ResourceKind kind() {
            return GROUP;
        }

        @Override
        public Resource create(Resource desired, IdResolver ids) {
            calls.add("create " + desired.key().leaf() + " " + desired.fields().get("description"));
            if (failCreate) {
                throw new ProviderException("t", Optional.of(desired.key().toString()), "POST", "/groups", 400,
                        "refused", false, null);
            }
            return Resource.live(desired.key(), "4", desired.fields(), Set.of());
        }

        @Override
        public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
            return Optional.empty();
        }

        @Override
        public void delete(Resource live) {
            calls.add("delete " + live.requireId());
        }
    }

    private TargetApplyReport apply(Groups groups) {
        TargetSpec target = new TargetSpec("t", "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
        Resource live = Resource.live(KEY, "3", Map.of("description", "Front desk"), Set.of());
        Resource desired = Resource.desired(KEY, Map.of("description", "Reception", "pin", "1234"), Set.of(),
                ResourceOptions.NONE, SourceLocation.startOf(Path.of("test.yaml")));
        Change replace = Change.replace("t", live, desired,
                List.of(new FieldDiff("description", Optional.of("Front desk"), Optional.of("Reception"), false)),
                "the API cannot update a group");
        Provider provider = new Provider() {
            @Override
            public TargetSpec target() {
                return target;
            }

            @Override
            public List<ResourceType> types() {
                return List.of(groups);
            }

            @Override
            public ResourceSet fetchLiveState(FetchProgress progress) {
                return ResourceSet.of("t", List.of(live));
            }
        };
        WriteOnlyFingerprints fingerprints = WriteOnlyFingerprints.open(dir.resolve("state"), "t");
        TargetPlan plan = new TargetPlan("t", TargetSpec.Policy.DEFAULT, 1, List.of(replace), List.of());
        TargetApplyReport report = new TargetApplier(provider, ResourceSet.of("t", List.of(live)), fingerprints,
                Clock.systemUTC()).apply(plan, dir, 1, n -> { });
        if (report.succeeded()) {
            assertThat(fingerprints.recorded(KEY, "pin")).as("a replace sends every write-only field").isPresent();
        }
        return report;
    }

    private List<String> journal(TargetApplyReport report) throws Exception {
        List<String> events = new ArrayList<>();
        for (String line : Files.readAllLines(report.journal().orElseThrow())) {
            JsonNode event = JSON.readTree(line);
            if (!event.has("kind")) {
                continue; // the journal's begin and end
            }
            events.add(event.path("event").asText() + " " + event.path("action").asText());
        }
        return events;
    }

    @Test
    void deletesTheLiveObjectThenCreatesTheDesiredOne() throws Exception {
        Groups groups = new Groups();
        TargetApplyReport report = apply(groups);
        assertThat(report.succeeded()).isTrue();
        assertThat(groups.calls).containsExactly("delete 3", "create accueil Reception");
        assertThat(journal(report)).containsExactly("started replace", "deleted replace", "applied replace");
        assertThat(Files.readString(report.journal().orElseThrow())).contains("\"id\":\"4\"");
    }

    @Test
    void aCreateThatFailsAfterTheDeleteIsRecordedAsSuch() throws Exception {
        Groups groups = new Groups();
        groups.failCreate = true;
        TargetApplyReport report = apply(groups);
        assertThat(report.succeeded()).isFalse();
        assertThat(groups.calls).containsExactly("delete 3", "create accueil Reception");
        assertThat(journal(report)).containsExactly("started replace", "deleted replace", "failed replace");
    }
}
