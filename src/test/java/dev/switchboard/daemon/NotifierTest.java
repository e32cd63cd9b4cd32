package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.Notifications;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.model.SourceLocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each notification service against a local receiver: the exact body and headers it sends, the
 * signature, when a target is notified and when not, and a service that fails, counted and never thrown.
 * Sending runs on the calling thread here, so that what was sent is known when {@code passed} returns.
 */
class NotifierTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String WEBHOOK_SECRET = "notify-secret-never-sent";
    private static final String TOKEN = "forge-token-never-in-a-body";
    private static final Instant FINISHED = Instant.parse("2026-12-01T10:00:00.250Z");

    private final Receiver receiver = new Receiver();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> counted = new ArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Notifier notifier(Notifier.Sender sender, String service, Set<String> events, Optional<Set<String>> targets) {
        return new Notifier(List.of(new Notifier.Channel(service, events, targets, sender)), Runnable::run,
                (s, sent) -> counted.add(s + " " + (sent ? "sent" : "failed")));
    }

    private static final Set<String> ALL = Set.of("drift", "applied", "failed", "blocked", "unconfirmed");

    private static TargetOutcome outcome(String target, Result result, Map<String, Integer> drift, Optional<String> error) {
        return new TargetOutcome(target, SHA, result, Optional.empty(), drift, 0, error, FINISHED, Duration.ofMillis(300));
    }

    private static Pass pass(TargetOutcome... outcomes) {
        return new Pass(new Revision(SHA, Path.of("."), "m"), Optional.empty(), List.of(outcomes), List.of());
    }

    @Test
    void postsTheGenericWebhooksJsonSignedWithHmacSha256OfTheBody() {
        Notifier notifier = notifier(Notifier.webhook(http, receiver.uri("/hook"), Optional.of(SharedSecret.of(WEBHOOK_SECRET))),
                "webhook", ALL, Optional.empty());
        notifier.passed(pass(outcome("olx-main", Result.DRIFT, Map.of("company", 1, "mailbox", 2), Optional.empty())),
                "drift", "/srv/desired branch main");

        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hook");
        assertThat(request.body()).isEqualTo("{\"event\":\"drift\",\"target\":\"olx-main\",\"result\":\"drift\",\"commit\":\""
                + SHA + "\",\"mode\":\"drift\",\"source\":\"/srv/desired branch main\",\"driftCount\":3,"
                + "\"drift\":{\"company\":1,\"mailbox\":2},\"error\":null,\"time\":\"2026-12-01T10:00:00Z\","
                + "\"text\":\"olx-main: drift at 0123456789ab, 3 change(s) to make (company 1, mailbox 2)\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Switchboard-Event")).isEqualTo("drift");
        String expected = "sha256=" + HexFormat.of().formatHex(
                SharedSecret.of(WEBHOOK_SECRET).hmac(request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("X-Switchboard-Signature-256")).isEqualTo(expected);
        assertThat(SharedSecret.of(WEBHOOK_SECRET).signed(request.body().getBytes(StandardCharsets.UTF_8),
                request.header("X-Switchboard-Signature-256"))).isTrue();
        assertThat(request.body()).doesNotContain(WEBHOOK_SECRET);
        assertThat(counted).containsExactly("webhook sent");
    }

    @Test
    void postsSlacksTextAndTeamsConnectorCardWithTheirMarkupEscaped() {
        TargetOutcome failed = outcome("xci-paris", Result.FAILED, Map.of(), Optional.of("GET /administrators: <500> & down"));
        notifier(Notifier.slack(http, SharedSecret.of(receiver.uri("/slack").toString())), "slack", ALL, Optional.empty())
                .passed(pass(failed), "apply", "repo");
        notifier(Notifier.teams(http, SharedSecret.of(receiver.uri("/teams").toString())), "teams", ALL, Optional.empty())
                .passed(pass(failed), "apply", "repo");

        assertThat(receiver.requests()).extracting(Receiver.Request::path).containsExactly("/slack", "/teams");
        assertThat(receiver.requests().get(0).body()).isEqualTo("{\"text\":\"[switchboard] xci-paris: failed at "
                + "0123456789ab, GET /administrators: &lt;500&gt; &amp; down\"}");
        assertThat(receiver.requests().get(1).body()).isEqualTo("{\"@type\":\"MessageCard\",\"@context\":"
                + "\"https://schema.org/extensions\",\"summary\":\"xci-paris: failed at 0123456789ab, GET /administrators: "
                + "<500> & down\",\"themeColor\":\"E01E5A\",\"title\":\"switchboard: xci-paris failed\",\"text\":"
                + "\"xci-paris: failed at 0123456789ab, GET /administrators: &lt;500&gt; &amp; down\"}");
        assertThat(counted).containsExactly("slack sent", "teams sent");
    }

    @Test
    void setsAGithubCommitStatusWithItsTokenAndStates() {
        Notifier notifier = notifier(Notifier.github(http, receiver.uri("/api/v3/"), "acme/desired", SharedSecret.of(TOKEN)),
                "github", ALL, Optional.empty());
        notifier.passed(pass(outcome("olx-main", Result.APPLIED, Map.of(), Optional.empty()),
                outcome("xci-paris", Result.BLOCKED, Map.of("administrator", 4),
                        Optional.of("plan deletes 4 of 14 live objects (29%), above maxDeletePercent 25"))), "apply", "repo");

        List<Receiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/v3/repos/acme/desired/statuses/" + SHA);
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(r.header("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(r.body()).doesNotContain(TOKEN);
        });
        assertThat(requests.get(0).body()).isEqualTo("{\"state\":\"success\",\"context\":\"switchboard/olx-main\","
                + "\"description\":\"applied at 0123456789ab, every change applied\"}");
        assertThat(requests.get(1).body()).isEqualTo("{\"state\":\"failure\",\"context\":\"switchboard/xci-paris\","
                + "\"description\":\"blocked at 0123456789ab, plan deletes 4 of 14 live objects (29%), above maxDeletePercent 25\"}");
    }

    @Test
    void setsAGitlabCommitStatusOnTheProjectByItsEncodedPath() {
        Notifier notifier = notifier(Notifier.gitlab(http, receiver.uri("/api/v4"), "acme/desired", SharedSecret.of(TOKEN)),
                "gitlab", ALL, Optional.empty());
        notifier.passed(pass(outcome("olx-main", Result.DRIFT, Map.of("mailbox", 1), Optional.empty())), "drift", "repo");

        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/v4/projects/acme%2Fdesired/statuses/" + SHA);
        assertThat(request.header("PRIVATE-TOKEN")).isEqualTo(TOKEN);
        assertThat(request.body()).isEqualTo("{\"state\":\"pending\",\"name\":\"switchboard/olx-main\","
                + "\"description\":\"drift at 0123456789ab, 1 change(s) to make (mailbox 1)\"}");
    }

    @Test
    void tellsAChangeOnceEveryApplyAndNothingInSyncOrUnsubscribed() {
        Notifier notifier = notifier(Notifier.webhook(http, receiver.uri("/hook"), Optional.empty()), "webhook",
                Set.of("drift", "applied"), Optional.of(Set.of("olx-main")));
        TargetOutcome drift = outcome("olx-main", Result.DRIFT, Map.of("mailbox", 1), Optional.empty());
        assertThat(notifier.passed(pass(drift), "drift", "repo")).hasSize(1);
        assertThat(notifier.passed(pass(drift), "drift", "repo")).as("the same drift again").isEmpty();
        assertThat(notifier.passed(pass(outcome("olx-main", Result.DRIFT, Map.of("mailbox", 2), Optional.empty())),
                "drift", "repo")).as("more drift").hasSize(1);
        assertThat(notifier.passed(pass(outcome("olx-main", Result.IN_SYNC, Map.of(), Optional.empty())), "drift", "repo"))
                .isEmpty();
        TargetOutcome applied = outcome("olx-main", Result.APPLIED, Map.of(), Optional.empty());
        assertThat(notifier.passed(pass(applied), "apply", "repo")).hasSize(1);
        assertThat(notifier.passed(pass(applied), "apply", "repo")).as("every apply").hasSize(1);
        notifier.passed(pass(outcome("xci-paris", Result.DRIFT, Map.of("xivo", 1), Optional.empty()),
                outcome("olx-main", Result.FAILED, Map.of(), Optional.of("down"))), "apply", "repo");

        assertThat(receiver.requests()).hasSize(4).extracting(r -> DaemonFixture.parse(r.body()).path("event").asText()
                + " " + DaemonFixture.parse(r.body()).path("target").asText())
                .as("xci-paris is not subscribed, failed is not an event it hears")
                .containsExactly("drift olx-main", "drift olx-main", "applied olx-main", "applied olx-main");
        assertThat(receiver.requests().get(0).header("X-Switchboard-Signature-256")).as("no secret, no signature").isNull();
    }

    private static Notifications.Service service(String name, Map<String, String> settings, String field, String reference) {
        return new Notifications.Service(name, settings, Map.of(field, new Notifications.Reference(reference,
                new SourceLocation(Path.of("switchboard.yaml"), 9, 7), "settings.notifications." + name + "." + field)),
                Set.of("drift"), Optional.empty());
    }

    @Test
    void buildsTheFilesServicesWithTheirSecretsResolvedAndTurnsOffOneThatCannotWork() {
        Map<String, String> environment = Map.of("GITLAB_TOKEN", TOKEN, "SLACK_URL", "not a URL " + TOKEN);
        SecretResolver secrets = new SecretResolver(name -> Optional.ofNullable(environment.get(name)), Path.of("."));
        Notifier.Followed followed = Notifier.channels(new Notifications(List.of(
                service("gitlab", Map.of("repository", "acme/desired", "api", receiver.uri("/api/v4").toString()),
                        "token", "${env:GITLAB_TOKEN}"),
                service("slack", Map.of(), "url", "${env:SLACK_URL}"),
                service("teams", Map.of(), "url", "${env:TEAMS_URL}"))), Set.of(), secrets, http);

        assertThat(followed.states()).extracting(Notifier.ServiceState::line).containsExactly(
                "notifying gitlab (switchboard.yaml) of drift",
                "not notifying slack (switchboard.yaml): switchboard.yaml:9:7: settings.notifications.slack.url: "
                        + "the value of ${env:SLACK_URL} is not an http or https URL",
                "not notifying teams (switchboard.yaml): switchboard.yaml:9:7: settings.notifications.teams.url: "
                        + "the environment variable TEAMS_URL is not set");
        assertThat(followed.states().toString()).doesNotContain(TOKEN);

        Notifier notifier = new Notifier(List.of(), Runnable::run, (s, sent) -> counted.add(s + " " + (sent ? "sent" : "failed")));
        notifier.follow(followed.channels());
        notifier.passed(pass(outcome("olx-main", Result.DRIFT, Map.of("mailbox", 1), Optional.empty())), "drift", "repo");
        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/api/v4/projects/acme%2Fdesired/statuses/" + SHA);
            assertThat(r.header("PRIVATE-TOKEN")).isEqualTo(TOKEN);
        });
        notifier.follow(List.of());
        notifier.passed(pass(outcome("olx-main", Result.DRIFT, Map.of("mailbox", 2), Optional.empty())), "drift", "repo");
        assertThat(receiver.requests()).as("a commit without the service no longer tells it").hasSize(1);
    }

    @Test
    void aServiceThatFailsOrIsUnreachableIsCountedAndThePassGoesOn() {
        receiver.answer(500);
        URI closed = URI.create("http://127.0.0.1:1/hook");
        Notifier notifier = new Notifier(List.of(
                new Notifier.Channel("webhook", ALL, Optional.empty(), Notifier.webhook(http, receiver.uri("/hook"), Optional.empty())),
                new Notifier.Channel("slack", ALL, Optional.empty(), Notifier.slack(http, SharedSecret.of(closed.toString()))),
                new Notifier.Channel("teams", ALL, Optional.empty(), Notifier.teams(http, SharedSecret.of(receiver.uri("/teams").toString())))),
                Runnable::run, (s, sent) -> counted.add(s + " " + (sent ? "sent" : "failed")));

        assertThat(notifier.passed(pass(outcome("olx-main", Result.UNCONFIRMED, Map.of("mailbox", 1),
                Optional.of("1001: not seen on reading back"))), "apply", "repo")).hasSize(1);
        assertThat(counted).containsExactly("webhook failed", "slack failed", "teams failed");
        assertThat(receiver.requests()).hasSize(2);
    }
}
