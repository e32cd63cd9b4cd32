package dev.switchboard.dialects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.engine.ApplyOptions;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.PlanRequest;
import dev.switchboard.engine.Progress;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.Summary;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.system.TargetSystem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every system's simulator in every dialect, one at a time, then in all its dialects that can be played
 * together, then in none (the lenient default): the whole flow through the engine, each step a session of
 * its own as successive commands are, on an {@code url: embedded} target whose {@code sim: dialects} picks
 * the dialect. Plan from empty shows changes; apply applies them all; plan shows none; a one-field edit is
 * one update, applied, then none; removing objects (prune) plans deletes, applies them, the simulator's
 * state no longer holds them, and plan shows none again. A delete the server did not carry out would fail
 * the last two checks.
 */
@QuarkusTest
class DialectMatrixTest {

    @Inject
    Engine engine;

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everySystemInEveryDialect() {
        List<DynamicTest> cells = new ArrayList<>();
        for (DialectScenario scenario : DialectScenario.all()) {
            TargetSystem system = engine.systems().find(scenario.kind()).orElseThrow();
            Map<String, List<SimDialect>> cellsOfSystem = new LinkedHashMap<>();
            cellsOfSystem.put("lenient", List.of());
            for (SimDialect dialect : system.dialects()) {
                cellsOfSystem.put(dialect.name(), List.of(dialect));
            }
            cellsOfSystem.put("all together", playableTogether(system.dialects()));
            cellsOfSystem.forEach((cell, dialects) -> cells.add(DynamicTest.dynamicTest(scenario.kind() + " " + cell,
                    () -> runFlow(scenario, system, cell, dialects))));
        }
        return cells.stream();
    }

    @Test
    void readmeListsEveryDialectAndSimDialectsReachTheSimulatorOrAreRefusedNamingTheKnownOnes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (TargetSystem system : engine.systems().all()) {
            String prefix = system.dialectPrefixes().get(system.dialectPrefixes().size() - 1);
            for (SimDialect dialect : system.dialects()) {
                assertThat(readme).as("README lists " + prefix + "." + dialect.name())
                        .contains("| `" + prefix + "." + dialect.name() + "` |");
            }
        }
        Path dir = temp.resolve("unknown");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  t:
                    kind: xci
                    url: embedded
                    auth: { login: admin, password: admin }
                    sim: { dialects: [xci.login-304] }
                """);
        try (EngineSession session = engine.open(engine.loader().load(dir).requireValid(), Set.of())) {
            assertThatThrownBy(() -> session.plan(PlanRequest.EVERYTHING, Progress.NONE))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("target t: sim: the xci simulator has no dialect xci.login-304")
                    .hasMessageContaining("xci.login-303");
        }

        // the dialect a target's sim: names is the one its simulator plays: this one cannot be detected
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  t:
                    kind: officelinx
                    url: embedded
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                    sim: { dialects: [officelinx.api-root-bare] }
                """);
        try (EngineSession session = engine.open(engine.loader().load(dir).requireValid(), Set.of())) {
            assertThatThrownBy(() -> session.plan(PlanRequest.EVERYTHING, Progress.NONE))
                    .hasMessageContaining("/UCBusinessRest/api/EEAMCompanies").hasMessageContaining("set apiRoot on the target");
        }
    }

    /** Every dialect that sets no knob another one already chose differently, in order. */
    static List<SimDialect> playableTogether(List<SimDialect> dialects) {
        List<SimDialect> together = new ArrayList<>();
        for (SimDialect dialect : dialects) {
            if (together.stream().allMatch(dialect::compatibleWith)) {
                together.add(dialect);
            }
        }
        return together;
    }

    private void runFlow(DialectScenario scenario, TargetSystem system, String cell, List<SimDialect> dialects)
            throws IOException {
        Path dir = temp.resolve(scenario.kind() + "-" + cell.replace(' ', '-'));
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve(DialectScenario.SECRET_FILE), "S3cret-pass");
        StringBuilder target = new StringBuilder("apiVersion: switchboard/v1\ntargets:\n  t:\n    kind: " + scenario.kind()
                + "\n    url: embedded\n    prune: true\n    maxDeletePercent: 100\n" + scenario.target());
        dialects.forEach(d -> target.append(scenario.settings().getOrDefault(d.name(), "")));
        target.append("    sim:\n      dialects: [")
                .append(String.join(", ", dialects.stream().map(d -> system.dialectPrefixes().get(
                        system.dialectPrefixes().size() - 1) + "." + d.name()).toList()))
                .append("]\n      options: {")
                .append(String.join(", ", scenario.simOptions().entrySet().stream()
                        .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").toList()))
                .append("}\n");
        Files.writeString(dir.resolve("switchboard.yaml"), target.toString());
        String why = scenario.kind() + " in dialect " + cell;


        write(dir, scenario.v1(dialects));
        Summary fromEmpty = applyAll(dir, why + ": apply from empty");
        assertThat(fromEmpty.changesPresent()).as(why + ": plan from empty, " + fromEmpty).isTrue();
        assertNoChanges(dir, why + ": plan after apply");

        write(dir, scenario.v2(dialects));
        Summary edit = applyAll(dir, why + ": apply the edit");
        assertThat(edit.update()).as(why + ": a one-field edit is one update, " + edit).isEqualTo(1);
        assertThat(edit.create() + edit.delete() + edit.replace()).as(why + ": and nothing else, " + edit).isZero();
        assertNoChanges(dir, why + ": plan after the edit");

        write(dir, scenario.v3(dialects));
        Summary prune = applyAll(dir, why + ": apply the prune");
        assertThat(prune.delete()).as(why + ": prune plans deletes, " + prune).isPositive();
        assertThat(prune.create() + prune.update()).as(why + ": prune only deletes, " + prune).isZero();
        String state = Files.readString(dir.resolve(".switchboard/sim/t.json"));
        for (String gone : scenario.goneAfterPrune()) {
            assertThat(state).as(why + ": the simulator no longer holds " + gone).doesNotContain(gone);
        }
        assertNoChanges(dir, why + ": plan after the prune");
    }

    private static void write(Path dir, String resources) throws IOException {
        Files.writeString(dir.resolve("resources.yaml"), resources);
    }

    private Summary plan(Path dir) {
        LoadResult loaded = engine.loader().load(dir);
        assertThat(loaded.problems()).as("the desired state of " + dir.getFileName() + " loads").isEmpty();
        try (EngineSession session = engine.open(loaded.requireValid(), Set.of())) {
            Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
            assertThat(plan.errors()).as("plan errors in " + dir.getFileName()).isEmpty();
            return plan.summary();
        }
    }

    private void assertNoChanges(Path dir, String why) {
        Summary summary = plan(dir);
        assertThat(summary.changesPresent()).as(why + ": " + summary).isFalse();
    }

    /** Plans and applies in one session, as {@code apply --auto-approve --force} does; returns what was planned. */
    private Summary applyAll(Path dir, String why) {
        LoadResult loaded = engine.loader().load(dir);
        assertThat(loaded.problems()).as("the desired state of " + dir.getFileName() + " loads").isEmpty();
        try (EngineSession session = engine.open(loaded.requireValid(), Set.of())) {
            Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
            assertThat(plan.errors()).as(why + ": plan errors").isEmpty();
            ApplyReport report = session.apply(plan, new ApplyOptions(true, OptionalInt.empty()), Progress.NONE);
            List<String> notApplied = report.targets().stream().flatMap(t -> Stream.concat(t.refusals().stream(),
                    t.results().stream().filter(r -> r.status() != ChangeResult.Status.APPLIED)
                            .map(r -> r.change().kind() + " " + r.change().key() + ": " + r.status() + " "
                                    + r.message().orElse("")))).toList();
            assertThat(notApplied).as(why).isEmpty();
            assertThat(report.count(ChangeResult.Status.APPLIED)).as(why + ": what was planned is applied")
                    .isEqualTo(plan.targets().stream().mapToLong(t -> t.apiChanges().size()).sum());
            return plan.summary();
        }
    }
}
