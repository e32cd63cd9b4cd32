package dev.switchboard.systems.sipxconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.DesiredStateLoader;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.InstalledSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource file and the target's users, read through the real loader into natural-keyed resources. */
class SipxconfigReaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/systems/sipxconfig/quickstart");

    private static LoadResult load(Path dir, Map<String, String> env) {
        return new DesiredStateLoader(InstalledSystems.all().fileFormats())
                .load(dir, new SecretResolver(name -> Optional.ofNullable(env.get(name)), dir));
    }

    private static Resource get(ResourceSet set, dev.switchboard.model.ResourceKind kind, String... key) {
        return set.get(ResourceKey.of(kind, key)).orElseThrow(() -> new AssertionError("no " + kind + " " + List.of(key)));
    }

    @Test
    void readsTheUsersOfTheTargetAsSecretsAndEachKindOfTheFile() {
        DesiredState state = load(FIXTURE, Map.of()).requireValid();
        TargetSpec target = state.targets().get("sipx-boston");
        assertThat(target.options().get("users")).isInstanceOfSatisfying(Map.class, users -> {
            assertThat(users).containsOnlyKeys("201", "202");
            assertThat(users.get("201")).isInstanceOf(Secret.class);
        });
        assertThat(target.toString()).doesNotContain("password=password").contains("(sensitive)");

        ResourceSet resources = state.resourcesOf("sipx-boston");
        assertThat(get(resources, SipxconfigKinds.CALL_FORWARDING, "201").fields()).containsEntry("expiration", 25L)
                .containsEntry("rings", List.of(Map.of("number", "5551212", "expiration", 30L, "type", "If no response",
                        "enabled", true)));
        assertThat(get(resources, SipxconfigKinds.CONTACT_INFORMATION, "201").fields())
                .containsOnly(Map.entry("jobTitle", "Engineer"), Map.entry("officeAddress.city", "Boston"),
                        Map.entry("officeAddress.zip", "02114"));
        assertThat(get(resources, SipxconfigKinds.VOICEMAIL_PIN, "201").fields().get("pin")).isInstanceOfSatisfying(Secret.class,
                pin -> assertThat(pin.reveal()).isEqualTo("4711"));
        assertThat(get(resources, SipxconfigKinds.CONFERENCE_SETTINGS, "201", "conf201").fields())
                .containsEntry("maxMembers", 10L).containsEntry("autorecorded", true);
        assertThat(get(resources, SipxconfigKinds.PHONEBOOK_ENTRY, "201", "300").fields())
                .containsEntry("contactInformation.companyName", "Acme").containsEntry("firstName", "John");
        assertThat(get(resources, SipxconfigKinds.IM_PREFERENCES, "202").fields()).containsOnly(Map.entry("otpMessage",
                "In a meeting"));
        assertThat(resources.all()).noneMatch(r -> r.kind() == SipxconfigKinds.VOICEMAIL_PIN && r.key().leaf().equals("202"));
    }

    @Test
    void aRingOrButtonLeftIncompleteTakesTheDefaultsTheApiAssumes(@TempDir Path temp) throws IOException {
        Path dir = copy(temp);
        Files.writeString(dir.resolve("sipxconfig/boston.yaml"), """
                target: sipx-boston
                users:
                  - user: "201"
                    callForwarding: { rings: [ { number: "333" } ] }
                    speedDial: { buttons: [ { number: "200" } ] }
                """);
        ResourceSet resources = load(dir, Map.of()).requireValid().resourcesOf("sipx-boston");
        assertThat(get(resources, SipxconfigKinds.CALL_FORWARDING, "201").fields()).containsOnly(Map.entry("rings",
                List.of(Map.of("number", "333", "expiration", 30L, "type", "If no response", "enabled", true))));
        assertThat(get(resources, SipxconfigKinds.SPEED_DIAL, "201").fields()).containsOnly(Map.entry("buttons",
                List.of(Map.of("number", "200", "blf", false))));
    }

    @Test
    void refusesAPasswordOrPinInPlainTextForARealServerAndAnUnlistedUser(@TempDir Path temp) throws IOException {
        Path dir = copy(temp);
        Path config = dir.resolve("switchboard.yaml");
        Files.writeString(config, Files.readString(config).replace("url: embedded", "url: https://sipx.example.com"));
        Files.writeString(dir.resolve("sipxconfig/boston.yaml"), """
                target: sipx-boston
                users:
                  - user: "201"
                    voicemail: { pin: "1234" }
                  - user: "209"
                    imBotPreferences: { vmEnd: true }
                """);
        LoadResult result = load(dir, Map.of());
        assertThat(result.problems()).extracting(p -> p.fieldPath() + ": " + p.message()).anySatisfy(p ->
                assertThat(p).contains("users[201].password").contains("a secret written in the file"))
                .anySatisfy(p -> assertThat(p).contains("users[0].voicemail.pin").contains("a secret written in the file"))
                .anySatisfy(p -> assertThat(p).contains("users[1].user: user 209 is not listed under the users of target"));
        assertThat(result.problems().toString()).doesNotContain("1234");
    }

    private static Path copy(Path temp) throws IOException {
        Path dir = temp.resolve("repo");
        Files.createDirectories(dir.resolve("sipxconfig"));
        Files.createDirectories(dir.resolve("secrets"));
        Files.copy(FIXTURE.resolve("switchboard.yaml"), dir.resolve("switchboard.yaml"));
        Files.copy(FIXTURE.resolve("secrets/sipx-201-vm-pin"), dir.resolve("secrets/sipx-201-vm-pin"));
        return dir;
    }
}
