package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.render.JsonRenderer;
import dev.switchboard.render.TextRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each paired fixture planned and rendered, against its reviewed golden output. Run with
 * {@code -Dgolden.update=true} to rewrite the goldens after an intended change, then review the diff.
 */
class PlanGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @ParameterizedTest
    @ValueSource(strings = {"create", "update", "prune", "no-op", "normalizers", "secrets", "refusals", "protect",
            "delete-threshold"})
    void plansEachFixtureAsItsGoldenJsonAndText(String name) throws IOException {
        Plan plan = PlanFixtures.plan(name);
        assertGolden(PlanFixtures.dir(name).resolve("expected.json"), new JsonRenderer(true).render(plan));
        assertGolden(PlanFixtures.dir(name).resolve("expected.txt"), new TextRenderer(false).render(plan));
    }

    static void assertGolden(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
