package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.TargetPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A replace is shown as {@code -/+} with the fields that force it, and counted apart in every format. */
class ReplaceRenderingTest {

    private static final ResourceKey KEY = ResourceKey.of(ResourceKind.of("test", "group"), "accueil");

    private static Plan plan() {
        Resource live = Resource.live(KEY, "3", Map.of("description", "Front desk"), Set.of());
        Resource desired = Resource.desired(KEY, Map.of("description", "Reception"), Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("test.yaml")));
        Change replace = Change.replace("t", live, desired,
                List.of(new FieldDiff("description", Optional.of("Front desk"), Optional.of("Reception"), false)),
                "the API cannot update a group");
        return Plan.of(List.of(new TargetPlan("t", TargetSpec.Policy.DEFAULT, 1, List.of(replace), List.of())));
    }

    @Test
    void textShowsTheReplaceWithItsFieldsAndCountsIt() {
        String text = new TextRenderer(false).render(plan());
        assertThat(text).contains("  -/+ group accueil  # must be replaced: the API cannot update a group")
                .contains("      description: \"Front desk\" -> \"Reception\"")
                .contains("Plan: 0 to create, 0 to update, 0 to delete, 1 to replace, 0 unmanaged.");
        assertThat(new TextRenderer(true).render(plan())).contains("\u001b[35m-/+ group accueil");
    }

    @Test
    void jsonSpellsItReplaceAndCountsIt() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(plan()));
        JsonNode change = json.path("changes").get(0);
        assertThat(change.path("action").asText()).isEqualTo("replace");
        assertThat(change.path("before").path("description").asText()).isEqualTo("Front desk");
        assertThat(change.path("after").path("description").asText()).isEqualTo("Reception");
        assertThat(json.path("summary").path("replace").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("changesPresent").asBoolean()).isTrue();
    }

    @Test
    void markdownHasAReplaceColumnAndTheChange() {
        String markdown = new MarkdownRenderer().render(plan());
        assertThat(markdown).contains("| target | create | update | delete | replace | unmanaged |")
                .contains("| t | 0 | 0 | 0 | 1 | 0 |")
                .contains("-/+ group accueil")
                .contains("0 to delete, 1 to replace, 0 unmanaged");
    }
}
