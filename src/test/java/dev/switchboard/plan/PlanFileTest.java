package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.render.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant CREATED = Instant.parse("2026-11-22T07:00:00Z");
    private static final ResourceKey ALICE = ResourceKey.of(XciKinds.USER, "xivo-paris", "1701");
    private static final ResourceKey CAROL = ResourceKey.of(XciKinds.USER, "xivo-paris", "1703");

    @Test
    void writesNoSecretValueAnywhereInTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");
        PlanFile.write(saved("secrets"), file);
        String json = Files.readString(file);
        PlanFixtures.ENV.values().forEach(secret -> assertThat(json).doesNotContain(secret));
        assertThat(json).doesNotContain("hunter2").contains("\"${env:ALICE_CTI}\"").contains("\"(sensitive)\"");
    }

    @Test
    void aChecksumIsTheSha256OfTheCompactJsonWithoutItsOwnFieldAndLeavesTheTreeAsItWas() throws Exception {
        String json = "{\"a\":1,\"checksum\":\"sha256:old\",\"b\":{\"c\":[true,null,\"x\"]}}";
        JsonNode node = JSON.readTree(json);
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("{\"a\":1,\"b\":{\"c\":[true,null,\"x\"]}}".getBytes(StandardCharsets.UTF_8)));
        assertThat(PlanFile.checksum(node)).isEqualTo(expected);
        assertThat(JSON.writeValueAsString(node)).as("the tree checksummed is left as it was").isEqualTo(json);
        assertThat(PlanFile.checksum(JSON.readTree("{\"a\":1,\"b\":{\"c\":[true,null,\"x\"]}}"))).isEqualTo(expected);
    }

    @Test
    void aSavedPlanIsWrittenToItsFileAsToJsonWritesIt(@TempDir Path dir) throws IOException {
        SavedPlan saved = saved("update");
        Path file = dir.resolve("plan.json");
        Files.writeString(file, "an earlier plan");
        PlanFile.write(saved, file);
        assertThat(Files.readString(file)).isEqualTo(PlanFile.toJson(saved));
        try (var entries = Files.list(dir)) {
            assertThat(entries).as("nothing written beside it is left").containsExactly(file);
        }
    }

    @Test
    void keepsWhoAcceptedThePlanUnderTheChecksum() {
        SavedPlan plain = saved("secrets");
        Acceptance acceptance = new Acceptance("ana@ci-runner", CREATED);
        SavedPlan accepted = new SavedPlan(CREATED, plain.revision(), plain.configDir(), plain.plan().accept(acceptance));
        String json = PlanFile.toJson(accepted);
        assertThat(PlanFile.fromJson(json).plan().accepted()).contains(acceptance);
        assertThat(PlanFile.fromJson(PlanFile.toJson(plain)).plan().accepted()).isEmpty();
        assertThatThrownBy(() -> PlanFile.fromJson(json.replace("ana@ci-runner", "mallory@laptop")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("edited after");
    }

    @Test
    void readsBackTheSameChangesWithFingerprints(@TempDir Path dir) throws IOException {
        SavedPlan saved = saved("secrets");
        Path file = dir.resolve("plan.json");
        PlanFile.write(saved, file);
        SavedPlan read = PlanFile.read(file);
        assertThat(read.createdAt()).isEqualTo(CREATED);
        assertThat(read.revision()).contains("3f2a9c1");
        assertThat(read.configDir()).isEqualTo(saved.configDir());
        assertThat(read.plan().changes()).hasSameSizeAs(saved.plan().changes());
        for (int i = 0; i < saved.plan().changes().size(); i++) {
            Change before = saved.plan().changes().get(i);
            Change after = read.plan().changes().get(i);
            assertThat(after.key()).isEqualTo(before.key());
            assertThat(after.action()).isEqualTo(before.action());
            assertThat(after.reason()).isEqualTo(before.reason());
            assertThat(after.liveFingerprint()).isEqualTo(before.liveFingerprint());
            if (before.sensitiveFields().isEmpty()) {
                after.before().ifPresent(live -> assertThat(after.liveFingerprint()).contains(Fingerprint.of(live)));
            }
            assertThat(after.subject().dependsOn()).isEqualTo(before.subject().dependsOn());
        }
        assertThat(new TextRenderer(false).render(read.plan())).isEqualTo(new TextRenderer(false).render(saved.plan()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "update", "prune", "no-op", "normalizers", "refusals", "protect", "delete-threshold"})
    void roundTripsEveryFixtureToTheSameFile(String fixture) {
        SavedPlan saved = saved(fixture);
        String json = PlanFile.toJson(saved);
        SavedPlan read = PlanFile.fromJson(json);
        assertThat(PlanFile.toJson(read)).isEqualTo(json);
        assertThat(read.plan().summary()).isEqualTo(saved.plan().summary());
        assertThat(read.plan().errors()).isEqualTo(saved.plan().errors());
        assertThat(read.plan().targets().get(0).policy()).isEqualTo(saved.plan().targets().get(0).policy());
    }

    @Test
    void leavesSecretReferencesUnresolvedUntilTheEngineResolvesThem() {
        Plan read = PlanFile.fromJson(PlanFile.toJson(saved("secrets"))).plan();
        Change alice = PlannerTest.change(read, ALICE.toString());
        assertThat(alice.after().orElseThrow().fields().get("ctiPassword")).isEqualTo(SecretRef.to("${env:ALICE_CTI}"));
        assertThat(alice.before().orElseThrow().fields().get("ctiPassword")).isEqualTo(SecretRef.masked());

        Plan resolved = read.withSecretsResolved(reference -> Secret.fromReference(reference, env(reference)));
        Object password = PlannerTest.change(resolved, CAROL.toString()).after().orElseThrow().fields().get("ctiPassword");
        assertThat(password).isInstanceOf(Secret.class);
        assertThat(((Secret) password).reveal()).isEqualTo("hunter2-alice-cti");
        assertThat(PlannerTest.change(resolved, ALICE.toString()).fields().get(0).after())
                .contains(Secret.fromLive("hunter2-alice-cti"));
    }

    @Test
    void refusesAnotherFormatVersion() {
        String json = PlanFile.toJson(saved("no-op")).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> PlanFile.fromJson(json)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("format version 2");
    }

    @Test
    void refusesADamagedFile() {
        String sealed = "{\"formatVersion\":1}";
        String checksum = PlanFile.checksum(JSON.createObjectNode().put("formatVersion", 1));
        assertThatThrownBy(() -> PlanFile.fromJson(sealed.replace("}", ",\"checksum\":\"" + checksum + "\"}")))
                .isInstanceOf(PlanFileException.class).hasMessage("the plan file is damaged: 'targets' is missing");
        assertThatThrownBy(() -> PlanFile.fromJson(sealed)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("the plan file has no checksum");
        assertThatThrownBy(() -> PlanFile.fromJson("not json")).isInstanceOf(PlanFileException.class);
    }

    @Test
    void refusesAPlanEditedByHandNamingTheChangesThatDiffer() {
        Plan plan = PlanFixtures.plan("update");
        String written = PlanFile.toJson(new SavedPlan(Instant.parse("2026-11-22T07:00:00Z"),
                Optional.empty(), Path.of("/desired"), plan));
        assertThat(PlanFile.fromJson(written).plan().targets()).hasSameSizeAs(plan.targets());

        assertThatThrownBy(() -> PlanFile.fromJson(written.replace("\"readOnly\" : false", "\"readOnly\" : true")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("was edited after 'switchboard plan --out' wrote it (its targets, policies or header differ)");
        Change update = plan.targets().stream().flatMap(t -> t.apiChanges().stream())
                .filter(c -> c.action() == Action.UPDATE).findFirst().orElseThrow();
        String after = update.fields().get(0).after().map(String::valueOf).orElseThrow();
        assertThat(written).contains("\"" + after + "\"");
        assertThatThrownBy(() -> PlanFile.fromJson(written.replaceFirst(Pattern.quote("\"" + after + "\""),
                "\"edited by hand\"")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("these changes differ: " + update.target() + ": update " + update.kind().name() + " "
                        + update.key().path());
    }

    @Test
    void fingerprintsHideSecretsSoOnlyOtherFieldsChangeThem() {
        var live = PlanFixtures.live("secrets", PlanFixtures.desired("secrets")).get("xci-paris").get(ALICE).orElseThrow();
        var otherPassword = live.withFields(with(live.fields(), "ctiPassword", Secret.fromLive("another")));
        var otherName = live.withFields(with(live.fields(), "lastName", "Smith"));
        assertThat(Fingerprint.of(live)).startsWith("sha256:").hasSize(7 + 64)
                .isEqualTo(Fingerprint.of(otherPassword)).isNotEqualTo(Fingerprint.of(otherName));
        assertThat(Fingerprint.of(live)).isNotEqualTo(Fingerprint.of(live.withId("99")));
    }

    private static Map<String, Object> with(Map<String, Object> fields, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return changed;
    }

    private static String env(String reference) {
        Matcher name = Pattern.compile("\\$\\{env:(.*)}").matcher(reference);
        assertThat(name.matches()).isTrue();
        return PlanFixtures.ENV.get(name.group(1));
    }

    private static SavedPlan saved(String fixture) {
        return new SavedPlan(CREATED, Optional.of("3f2a9c1"), PlanFixtures.dir(fixture).toAbsolutePath(),
                PlanFixtures.plan(fixture));
    }
}
