package dev.switchboard.systems.xci;

import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.Fixtures;
import dev.switchboard.desired.DesiredStateWriter;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.systems.InstalledSystems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Planner;
import dev.switchboard.plan.TargetCapabilities;
import dev.switchboard.plan.TargetPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XCI export reads back, through the loader, as the very objects it was written from. */
class XciExportTest {

    private static final Map<String, String> ENV = Map.of("CTI_XIVO_PARIS_1701_PASSWORD", "alice-cti-secret",
            "XCI_OPS_PASSWORD", "whatever");

    /** The quickstart's objects as a server would return them: with IDs, without write-only fields. */
    private static ResourceSet liveFromQuickstart(String target) {
        DesiredState quickstart = Fixtures.load(Fixtures.EXAMPLES.resolve("quickstart"), Map.of()).requireValid();
        List<Resource> live = quickstart.resourcesOf(target).all().stream().map(r -> {
            Map<String, Object> fields = new LinkedHashMap<>(r.fields());
            r.kind().writeOnlyFields().forEach(fields::remove);
            fields.replaceAll((name, value) -> value instanceof Secret s ? Secret.fromLive(s.reveal()) : value);
            return Resource.live(r.key(), "id-" + r.key().path(), fields, r.dependsOn());
        }).toList();
        return ResourceSet.of(target, live);
    }

    @Test
    void anExportedXciTargetLoadsBackAndPlansToNoChanges(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  xci-paris: { kind: xci, url: embedded, auth: { login: admin, password: admin } }
                """);
        ResourceSet live = liveFromQuickstart("xci-paris");
        TargetSpec target = Fixtures.load(dir, ENV).requireValid().targets().get("xci-paris");

        DesiredStateWriter.Export export = DesiredStateWriter.write(InstalledSystems.all().find(target.kind()).orElseThrow().files(), target, live, "now");
        Files.createDirectories(dir.resolve("xci"));
        Files.writeString(dir.resolve("xci/xci-paris.yaml"), export.yaml());

        LoadResult reloaded = Fixtures.load(dir, ENV);
        assertThat(reloaded.problems()).isEmpty();
        TargetPlan plan = new Planner(InstalledSystems.all().normalizers()).plan(target, reloaded.requireValid().resourcesOf("xci-paris"), live,
                TargetCapabilities.unrestricted(XciKinds.ALL));
        assertThat(plan.hasChanges()).as(plan.changes().toString()).isFalse();
        assertThat(plan.summary().unmanaged()).isZero();
        assertThat(export.yaml()).doesNotContain("alice-cti-secret");
        assertThat(export.notes()).anyMatch(n -> n.contains("CTI_XIVO_PARIS_1701_PASSWORD"));
    }
}
