package dev.switchboard.plan;

import dev.switchboard.systems.InstalledSystems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.Fixtures;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Paired plan fixtures: {@code src/test/resources/plan/<case>/} holds a desired-state directory
 * ({@code switchboard.yaml} and resource files), {@code live.json} (each target's live objects) and the
 * expected plan ({@code expected.json}, {@code expected.txt}).
 *
 * <p>{@code live.json}: {@code {"<target>": [{"kind": "mailbox", "key": ["Acme", "1001"], "id": "7",
 * "fields": {...}, "dependsOn": [["company", "Acme"]], "protect": false}]}}; a field value
 * {@code {"$secret": "v"}} is a live {@link Secret}.
 */
public final class PlanFixtures {

    public static final Path PLANS = Path.of("src/test/resources/plan");

    /** The environment the fixtures' secret references resolve in. */
    public static final Map<String, String> ENV = Map.of(
            "ALICE_CTI", "hunter2-alice-cti",
            "BOB_CTI", "hunter2-bob-cti",
            "OPS_PASSWORD", "hunter2-ops-password");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private PlanFixtures() {
    }

    public static Path dir(String name) {
        return PLANS.resolve(name);
    }

    public static DesiredState desired(String name) {
        LoadResult result = Fixtures.load(dir(name), ENV);
        assertThat(result.problems()).as("problems loading fixture " + name).isEmpty();
        return result.requireValid();
    }

    /** Plans every target of fixture {@code name} with the {@link #capabilities} of its kind. */
    public static Plan plan(String name) {
        DesiredState desired = desired(name);
        Map<String, ResourceSet> live = live(name, desired);
        Planner planner = new Planner(InstalledSystems.all().normalizers());
        List<TargetPlan> targets = new ArrayList<>();
        for (TargetSpec target : desired.targets().values()) {
            targets.add(planner.plan(target, desired.resourcesOf(target.name()),
                    live.getOrDefault(target.name(), ResourceSet.empty(target.name())), capabilities(target.kind())));
        }
        return Plan.of(targets);
    }

    /**
     * What the real APIs allow, as the engine would derive it: Officelinx refuses to delete company 1;
     * XCI cannot update or delete a XiVO.
     */
    public static TargetCapabilities capabilities(String targetKind) {
        if (targetKind.equals(XciKinds.TARGET_KIND)) {
            List<KindCapabilities> kinds = new ArrayList<>();
            kinds.add(KindCapabilities.createOnly(XciKinds.XIVO));
            XciKinds.ALL.stream().skip(1).forEach(k -> kinds.add(KindCapabilities.full(k)));
            return new TargetCapabilities(kinds);
        }
        List<KindCapabilities> kinds = new ArrayList<>();
        kinds.add(KindCapabilities.full(OfficelinxKinds.COMPANY).refusingDeletion(company ->
                company.id().filter("1"::equals).map(id -> "Officelinx refuses to delete company 1")));
        OfficelinxKinds.ALL.stream().skip(1).forEach(k -> kinds.add(KindCapabilities.full(k)));
        return new TargetCapabilities(kinds);
    }

    public static Map<String, ResourceSet> live(String name, DesiredState desired) {
        Path file = dir(name).resolve("live.json");
        Map<String, ResourceSet> sets = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            root.fields().forEachRemaining(target -> {
                String kind = desired.targets().get(target.getKey()).kind();
                List<Resource> resources = new ArrayList<>();
                target.getValue().forEach(object -> resources.add(liveResource(kind, object)));
                sets.put(target.getKey(), ResourceSet.of(target.getKey(), resources));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sets;
    }

    private static Resource liveResource(String targetKind, JsonNode object) {
        ResourceKey key = key(targetKind, object.get("kind").asText(), object.get("key"));
        Map<String, Object> fields = new LinkedHashMap<>();
        object.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), value(f.getValue())));
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        if (object.has("dependsOn")) {
            object.get("dependsOn").forEach(d -> {
                List<String> parts = new ArrayList<>();
                d.forEach(p -> parts.add(p.asText()));
                dependsOn.add(new ResourceKey(kind(targetKind, parts.get(0)), parts.subList(1, parts.size())));
            });
        }
        ResourceOptions options = object.path("protect").asBoolean(false)
                ? new ResourceOptions(true, Set.of()) : ResourceOptions.NONE;
        return new Resource(key, fields, dependsOn, Optional.of(object.get("id").asText()), options, Optional.empty());
    }

    private static ResourceKey key(String targetKind, String kind, JsonNode parts) {
        List<String> names = new ArrayList<>();
        parts.forEach(p -> names.add(p.asText()));
        return new ResourceKey(kind(targetKind, kind), names);
    }

    static ResourceKind kind(String targetKind, String name) {
        List<ResourceKind> kinds = targetKind.equals(XciKinds.TARGET_KIND) ? XciKinds.ALL : OfficelinxKinds.ALL;
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + targetKind + " kind " + name));
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isObject() && node.has("$secret")) {
            return Secret.fromLive(node.get("$secret").asText());
        }
        return JSON.convertValue(node, Object.class);
    }
}
