package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanFile;
import dev.switchboard.plan.Planner;
import dev.switchboard.plan.SavedPlan;
import dev.switchboard.plan.PlanFixtures;
import dev.switchboard.plan.TargetPlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RenderersTest {

    private static final ResourceKey USER = ResourceKey.of(XciKinds.USER, "xivo-paris", "1701");

    private static final Path GOLDEN = Path.of("src/test/resources/render");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Two targets: an Officelinx one that prunes, an XCI one with secrets; and a third with an error. */
    private static Plan mixed() {
        List<TargetPlan> targets = new ArrayList<>();
        targets.addAll(PlanFixtures.plan("prune").targets());
        targets.addAll(PlanFixtures.plan("secrets").targets());
        targets.addAll(PlanFixtures.plan("refusals").targets());
        return Plan.of(targets);
    }

    private final Map<String, PlanRenderer> renderers = Map.of(
            "expected.txt", new TextRenderer(false),
            "expected-colour.txt", new TextRenderer(true),
            "expected.json", new JsonRenderer(),
            "expected.md", new MarkdownRenderer(),
            "expected.xml", new JunitRenderer());

    @Test
    void rendersEachFormatAsItsGolden() throws IOException {
        Plan plan = mixed();
        for (Map.Entry<String, PlanRenderer> renderer : renderers.entrySet()) {
            Path golden = GOLDEN.resolve(renderer.getKey());
            String actual = renderer.getValue().render(plan);
            if (UPDATE) {
                Files.writeString(golden, actual);
            }
            assertThat(actual).as(renderer.getKey()).isEqualTo(Files.readString(golden));
        }
    }

    @Test
    void neverPrintsASecretValueInAnyFormat() {
        Plan plan = mixed();
        for (PlanRenderer renderer : renderers.values()) {
            String output = renderer.render(plan);
            assertThat(output).doesNotContain("hunter2").contains("(sensitive)");
        }
        assertThat(new TextRenderer(false).render(plan)).contains("ctiPassword: (sensitive) -> (sensitive)");
    }

    @Test
    void masksAPasswordTheApiReturnsInClearWhereTheFileHoldsASecret() {
        Resource desired = Resource.desired(USER, Map.of("ctiPassword", Secret.fromReference("${env:PW}", "new")),
                Set.of(), ResourceOptions.NONE, SourceLocation.startOf(Path.of("paris.yaml")));
        Resource live = Resource.live(USER, "21", Map.of("ctiPassword", "hunter2-in-clear"), Set.of());
        TargetSpec target = new TargetSpec("xci-paris", "xci", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
        Plan plan = Plan.of(List.of(new Planner().plan(target, ResourceSet.of("xci-paris", List.of(desired)),
                ResourceSet.of("xci-paris", List.of(live)), PlanFixtures.capabilities("xci"))));
        for (PlanRenderer renderer : renderers.values()) {
            assertThat(renderer.render(plan)).doesNotContain("hunter2");
        }
        String saved = PlanFile.toJson(new SavedPlan(Instant.EPOCH, Optional.empty(), Path.of("/cfg"), plan));
        assertThat(saved).doesNotContain("hunter2").contains("${env:PW}");
    }

    @Test
    void endsWithTheSummaryLineWhenThereAreChanges() {
        String text = new TextRenderer(false).render(PlanFixtures.plan("create"));
        assertThat(text).endsWith("\nPlan: 6 to create, 0 to update, 0 to delete, 2 unmanaged.\n");
    }

    @Test
    void saysNoChangesWhenAnApplyWouldCallNoApi() {
        assertThat(new TextRenderer(false).render(PlanFixtures.plan("no-op")))
                .isEqualTo("No changes. Live state matches the desired state.\n");
        assertThat(new MarkdownRenderer().render(PlanFixtures.plan("no-op")))
                .endsWith("**No changes. Live state matches the desired state.**\n").doesNotContain("<details>");
    }

    @Test
    void claimsNoMatchForATargetWhoseLiveStateCouldNotBeRead() {
        Plan noOp = PlanFixtures.plan("no-op");
        TargetPlan down = TargetPlan.unreadable("xci-lyon", TargetSpec.Policy.DEFAULT,
                "POST /api/1.0/login -> no response: Connection refused");
        List<TargetPlan> someRead = new ArrayList<>(noOp.targets());
        someRead.add(down);
        String text = new TextRenderer(false).render(Plan.of(someRead));
        assertThat(text).contains("Error: ").contains("Connection refused").doesNotContain("Live state matches")
                .endsWith("\nNo changes in the " + noOp.targets().size() + " target" + (noOp.targets().size() == 1 ? "" : "s")
                        + " read; the live state of 1 target could not be read (see the errors above).\n");
        assertThat(new MarkdownRenderer().render(Plan.of(someRead))).doesNotContain("Live state matches")
                .contains("the live state of 1 target could not be read");

        String none = new TextRenderer(false).render(Plan.of(List.of(down)));
        assertThat(none).doesNotContain("No changes")
                .endsWith("\nNothing planned: the live state of no target could be read (see the errors above).\n");
    }

    @Test
    void coloursOnlyWhenAsked() {
        Plan plan = PlanFixtures.plan("prune");
        assertThat(new TextRenderer(false).render(plan)).doesNotContain("\u001b[");
        assertThat(new TextRenderer(true).render(plan)).contains("\u001b[31m- address Acme/1002/0/1002");
    }

    @Test
    void showsTheIdOfACreatedObjectAsKnownAfterApply() throws IOException {
        Plan plan = PlanFixtures.plan("create");
        assertThat(new TextRenderer(false).render(plan)).contains("  + company Acme\n      id: (known after apply)\n");
        JsonNode first = new ObjectMapper().readTree(new JsonRenderer().render(plan)).get("changes").get(0);
        assertThat(first.get("id").asText()).isEqualTo("(known after apply)");
    }

    @Test
    void writesJsonInTheSpecShape() throws IOException {
        JsonNode root = new ObjectMapper().readTree(new JsonRenderer().render(mixed()));
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        JsonNode change = root.get("changes").get(0);
        assertThat(change.fieldNames()).toIterable()
                .contains("target", "kind", "key", "action", "before", "after", "fields");
        assertThat(root.get("summary").get("changesPresent").asBoolean()).isTrue();
        assertThat(new JsonRenderer().render(PlanFixtures.plan("no-op"))).contains("\"changes\": [ ]");
        assertThat(new JsonRenderer(true).render(PlanFixtures.plan("no-op"))).contains("\"action\": \"no-op\"");
    }

    @Test
    void writesWellFormedJunitWithAFailurePerDriftedObject() throws Exception {
        String xml = new JunitRenderer().render(mixed());
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(mixed().changes().size());
        assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(
                (int) mixed().changes().stream().filter(c -> c.callsApi()).count());
        assertThat(document.getElementsByTagName("error").getLength()).isEqualTo(1);
    }
}
