package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings.notifications} as the loader reads it: services with their events and targets, secrets kept
 * as unresolved references (the daemon's environment resolves them, not the machine that validates), and what
 * it refuses with file, line, field and a hint.
 */
class NotificationsLoaderTest {

    @TempDir
    Path dir;

    private LoadResult load(String settings) throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                settings:
                  notifications:
                %s
                targets:
                  olx-main: { kind: officelinx, url: embedded, auth: { clientId: a, clientSecret: b, username: c, password: d } }
                  xci-paris: { kind: xci, url: embedded, auth: { login: admin, password: admin } }
                """.formatted(settings.indent(4).stripTrailing()));
        return Fixtures.load(dir, Map.of());
    }

    private static String firstLine(Problem problem) {
        return problem.render().lines().findFirst().orElseThrow();
    }

    @Test
    void readsEachServiceWithItsEventsAndTargetsAndKeepsItsSecretsAsUnresolvedReferences() throws IOException {
        LoadResult result = load("""
                on: [failed, blocked]
                targets: [olx-main]
                webhook: { url: https://hooks.example.com/sb, secret: "${env:SB_HOOK_SECRET}" }
                slack: { url: "${file:/run/secrets/slack-url}", on: [failed] }
                teams: { url: "${env:TEAMS_URL}", targets: [xci-paris, olx-main] }
                gitlab: { repository: acme/phones, token: "${env:GITLAB_TOKEN}", api: https://gitlab.example.com/api/v4 }
                """);

        assertThat(result.problems()).as("none of the variables is set here, and that is no problem").isEmpty();
        List<Notifications.Service> services = result.requireValid().settings().notifications().services();
        assertThat(services).extracting(Notifications.Service::name).containsExactly("webhook", "slack", "teams", "gitlab");
        Notifications.Service webhook = services.get(0);
        assertThat(webhook.settings()).containsExactly(Map.entry("url", "https://hooks.example.com/sb"));
        assertThat(webhook.secrets().get("secret").reference()).isEqualTo("${env:SB_HOOK_SECRET}");
        assertThat(webhook.secrets().get("secret").at()).hasToString("switchboard.yaml:6:51");
        assertThat(webhook.events()).containsExactlyInAnyOrder("failed", "blocked");
        assertThat(webhook.targets()).contains(Set.of("olx-main"));
        assertThat(services.get(1).events()).as("its own on").containsExactly("failed");
        assertThat(services.get(1).secrets().get("url").reference()).isEqualTo("${file:/run/secrets/slack-url}");
        assertThat(services.get(2).targets()).as("its own targets").contains(Set.of("xci-paris", "olx-main"));
        assertThat(services.get(3).settings()).containsEntry("repository", "acme/phones")
                .containsEntry("api", "https://gitlab.example.com/api/v4");
    }

    @Test
    void withoutOnOrTargetsAServiceHearsEveryEventOfEveryTarget() throws IOException {
        Notifications.Service teams = load("teams: { url: \"${env:TEAMS_URL}\" }").requireValid()
                .settings().notifications().services().get(0);
        assertThat(teams.events()).containsExactlyInAnyOrderElementsOf(Notifications.EVENTS);
        assertThat(teams.targets()).isEmpty();
    }

    @Test
    void refusesASlackUrlWrittenInTheFile() throws IOException {
        LoadResult result = load("slack: { url: https://hooks.slack.com/services/T0/B0/XXXX }");

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(firstLine(problem)).isEqualTo("switchboard.yaml:4:14: settings.notifications.slack.url: "
                    + "a Slack incoming webhook's URL is a secret: written in the file, it would be committed to Git with it");
            assertThat(problem.hint()).contains("write ${env:NAME} or ${file:PATH}, and give the daemon that variable or file");
        });
    }

    @Test
    void refusesEverySecretWrittenInTheFileAndAMalformedReference() throws IOException {
        LoadResult result = load("""
                webhook: { url: https://hooks.example.com/sb, secret: s3cret }
                teams: { url: https://acme.webhook.office.com/x }
                github: { repository: acme/phones, token: ghp_abc }
                gitlab: { repository: acme/phones, token: "${vault:gitlab}" }
                """);

        assertThat(result.problems()).extracting(NotificationsLoaderTest::firstLine).containsExactly(
                "switchboard.yaml:4:51: settings.notifications.webhook.secret: the webhook's signing secret is a secret: "
                        + "written in the file, it would be committed to Git with it",
                "switchboard.yaml:5:14: settings.notifications.teams.url: a Microsoft Teams incoming webhook's URL is a "
                        + "secret: written in the file, it would be committed to Git with it",
                "switchboard.yaml:6:40: settings.notifications.github.token: a GitHub token is a secret: written in the "
                        + "file, it would be committed to Git with it",
                "switchboard.yaml:7:40: settings.notifications.gitlab.token: unknown secret source 'vault'");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.hint()).isPresent());
        assertThat(result.problems()).extracting(Problem::render).noneMatch(r -> r.contains("s3cret") || r.contains("ghp_abc"));
    }

    @Test
    void refusesAnUnknownEventOrTargetWithTheOneMeant() throws IOException {
        LoadResult result = load("""
                on: [failed, blokced]
                webhook: { url: https://hooks.example.com/sb, targets: [olx-mian] }
                """);

        assertThat(result.problems()).extracting(NotificationsLoaderTest::firstLine).containsExactly(
                "switchboard.yaml:4:18: settings.notifications.on[1]: 'blokced' is not allowed here",
                "switchboard.yaml:5:61: settings.notifications.webhook.targets[0]: target 'olx-mian' is not declared in "
                        + "switchboard.yaml");
        assertThat(result.problems()).extracting(p -> p.hint().orElseThrow())
                .containsExactly("did you mean 'blocked'?", "did you mean 'olx-main'?");
    }

    @Test
    void aForgeNeedsItsRepositoryAndToken() throws IOException {
        LoadResult result = load("github: { repository: acme/phones }");
        assertThat(result.problems()).extracting(NotificationsLoaderTest::firstLine)
                .containsExactly("switchboard.yaml:4:5: settings.notifications.github: missing required field 'token'");
        assertThat(Optional.of(result.problems().get(0).hint().orElseThrow())).contains("add token: to this object");
    }
}
