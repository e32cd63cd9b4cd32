package dev.switchboard.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Tells people and forges what a pass found, as Argo CD Notifications does: per target, on the events
 * {@code drift}, {@code applied}, {@code failed}, {@code blocked} and {@code unconfirmed}, to a generic
 * webhook (JSON, signed), Slack and Microsoft Teams incoming webhooks, and as a commit status on GitHub
 * or GitLab. A target is notified when its result, commit, drift or error changes, and on every apply, so
 * that a daemon in drift mode does not repeat itself every interval. A notification holds what the status
 * shows (names, counts, commit, the error, never a secret). Sending happens on its own thread; a service
 * that fails or is unreachable is logged and counted ({@code switchboard_notifications_total{service,result}})
 * and never stops or slows a pass.
 */
public final class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVENTS = Set.of("drift", "applied", "failed", "blocked", "unconfirmed");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final int DESCRIPTION_MAX = 140;

    /** One configured service: which events of which targets it hears, and how it is told. */
    record Channel(String service, Set<String> events, Optional<Set<String>> targets, Sender sender) {
        boolean wants(Notification n) {
            return events.contains(n.event()) && targets.map(t -> t.contains(n.target())).orElse(true);
        }
    }

    /** What a notification says: the target's reconcile, worded once for every service. */
    record Notification(String event, String target, String result, String commit, String mode, String source,
                        int driftCount, Map<String, Integer> drift, Optional<String> error, String time) {

        /** One line for people: {@code olx-main: drift at 0123456789ab, 2 changes (company 1, mailbox 1)}. */
        String line() {
            String at = " at " + (commit.length() > 12 ? commit.substring(0, 12) : commit);
            String detail = switch (event) {
                case "drift", "applied" -> {
                    String kinds = drift.entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
                    yield event.equals("applied") && driftCount == 0 ? "every change applied"
                            : driftCount + " change(s) to make" + (kinds.isEmpty() ? "" : " (" + kinds + ")");
                }
                default -> error.orElse(result);
            };
            return target + ": " + event + at + ", " + detail;
        }
    }

    /** Sends one notification; throws when the service did not take it. */
    @FunctionalInterface
    interface Sender {
        void send(Notification notification) throws IOException, InterruptedException;
    }

    private final List<Channel> channels;
    private final Executor sending;
    private final BiConsumer<String, Boolean> counted;
    private final Map<String, String> lastSeen = new HashMap<>();

    Notifier(List<Channel> channels, Executor sending, BiConsumer<String, Boolean> counted) {
        this.channels = List.copyOf(channels);
        this.sending = sending;
        this.counted = counted;
    }

    /** The services named in the configuration; none when no address is set. */
    static List<Channel> channels(DaemonConfig.Notify config, HttpClient http) {
        List<Channel> channels = new ArrayList<>();
        DaemonConfig.Webhook webhook = config.webhook();
        if (webhook.url().isPresent()) {
            Optional<SharedSecret> secret = SharedSecret.read("SWITCHBOARD_NOTIFY_WEBHOOK_SECRET", webhook.secret(),
                    webhook.secretFile());
            channels.add(channel("webhook", config, webhook.on(), webhook.targets(), webhook(http, webhook.url().get(), secret)));
        }
        Optional<SharedSecret> slack = SharedSecret.read("SWITCHBOARD_NOTIFY_SLACK_URL", config.slack().url(),
                config.slack().urlFile());
        if (slack.isPresent()) {
            channels.add(channel("slack", config, config.slack().on(), config.slack().targets(), slack(http, slack.get())));
        }
        Optional<SharedSecret> teams = SharedSecret.read("SWITCHBOARD_NOTIFY_TEAMS_URL", config.teams().url(),
                config.teams().urlFile());
        if (teams.isPresent()) {
            channels.add(channel("teams", config, config.teams().on(), config.teams().targets(), teams(http, teams.get())));
        }
        forge("github", config.github(), URI.create("https://api.github.com"), config, http).ifPresent(channels::add);
        forge("gitlab", config.gitlab(), URI.create("https://gitlab.com/api/v4"), config, http).ifPresent(channels::add);
        return channels;
    }

    private static Optional<Channel> forge(String name, DaemonConfig.Forge forge, URI defaultApi, DaemonConfig.Notify config,
                                           HttpClient http) {
        if (forge.repository().isEmpty()) {
            return Optional.empty();
        }
        String variable = "SWITCHBOARD_NOTIFY_" + name.toUpperCase() + "_TOKEN";
        SharedSecret token = SharedSecret.read(variable, forge.token(), forge.tokenFile()).orElseThrow(() ->
                new DaemonConfigException("SWITCHBOARD_NOTIFY_" + name.toUpperCase() + "_REPOSITORY is set but "
                        + variable + " (or " + variable + "_FILE) is not: a commit status needs a token"));
        URI api = forge.api().orElse(defaultApi);
        Sender sender = name.equals("github") ? github(http, api, forge.repository().get(), token)
                : gitlab(http, api, forge.repository().get(), token);
        return Optional.of(channel(name, config, forge.on(), forge.targets(), sender));
    }

    private static Channel channel(String service, DaemonConfig.Notify config, Optional<List<String>> on,
                                   Optional<List<String>> targets, Sender sender) {
        List<String> events = on.orElse(config.on());
        for (String event : events) {
            if (!EVENTS.contains(event)) {
                throw new DaemonConfigException("SWITCHBOARD_NOTIFY" + (on.isPresent() ? "_" + service.toUpperCase() : "")
                        + "_ON: " + event + " is not an event; the events are " + String.join(", ", EVENTS.stream().sorted().toList()));
            }
        }
        return new Channel(service, Set.copyOf(events), targets.or(config::targets).map(Set::copyOf), sender);
    }

    /** Decides what the pass's outcomes are worth telling, and queues each for its services. */
    List<Notification> passed(Pass pass, String mode, String source) {
        List<Notification> notified = new ArrayList<>();
        for (TargetOutcome outcome : pass.outcomes()) {
            String seen = outcome.result() + " " + outcome.commit() + " " + outcome.driftByKind() + " " + outcome.error();
            String before;
            synchronized (lastSeen) {
                before = lastSeen.put(outcome.target(), seen);
            }
            Optional<String> event = event(outcome.result());
            if (event.isEmpty() || (seen.equals(before) && outcome.result() != Result.APPLIED)) {
                continue;
            }
            Notification n = new Notification(event.get(), outcome.target(), outcome.result().label(), outcome.commit(),
                    mode, source, outcome.drift(), outcome.driftByKind(), outcome.error(),
                    outcome.finished().truncatedTo(ChronoUnit.SECONDS).toString());
            notified.add(n);
            for (Channel channel : channels) {
                if (channel.wants(n)) {
                    sending.execute(() -> deliver(channel, n));
                }
            }
        }
        return notified;
    }

    private void deliver(Channel channel, Notification n) {
        try {
            channel.sender().send(n);
            counted.accept(channel.service(), true);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not notify %s of %s: %s", channel.service(), n.line(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            counted.accept(channel.service(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counted.accept(channel.service(), false);
        }
    }

    private static Optional<String> event(Result result) {
        return switch (result) {
            case DRIFT, READ_ONLY -> Optional.of("drift");
            case APPLIED -> Optional.of("applied");
            case FAILED -> Optional.of("failed");
            case BLOCKED -> Optional.of("blocked");
            case UNCONFIRMED -> Optional.of("unconfirmed");
            case IN_SYNC -> Optional.empty();
        };
    }

    // The services. Each body holds the notification's own fields only.

    static byte[] webhookBody(Notification n) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", n.event()).put("target", n.target()).put("result", n.result()).put("commit", n.commit())
                .put("mode", n.mode()).put("source", n.source()).put("driftCount", n.driftCount());
        ObjectNode drift = body.putObject("drift");
        n.drift().forEach(drift::put);
        if (n.error().isPresent()) {
            body.put("error", n.error().get());
        } else {
            body.putNull("error");
        }
        body.put("time", n.time()).put("text", n.line());
        return bytes(body);
    }

    static Sender webhook(HttpClient http, URI url, Optional<SharedSecret> secret) {
        return n -> {
            byte[] body = webhookBody(n);
            HttpRequest.Builder request = post(url, body).header("X-Switchboard-Event", n.event());
            secret.ifPresent(s -> request.header("X-Switchboard-Signature-256", "sha256=" + HexFormat.of().formatHex(s.hmac(body))));
            send(http, request, "webhook");
        };
    }

    static byte[] slackBody(Notification n) {
        // Slack's mrkdwn takes &, < and > as markup: escaped as its documentation says.
        String text = n.line().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return bytes(JSON.createObjectNode().put("text", "[switchboard] " + text));
    }

    static Sender slack(HttpClient http, SharedSecret url) {
        return n -> send(http, post(URI.create(url.reveal()), slackBody(n)), "slack");
    }

    static byte[] teamsBody(Notification n) {
        // The connector card of Teams' incoming webhooks, as Argo CD Notifications sends it.
        ObjectNode card = JSON.createObjectNode();
        card.put("@type", "MessageCard").put("@context", "https://schema.org/extensions")
                .put("summary", n.line()).put("themeColor", switch (n.event()) {
                    case "applied" -> "2EB886";
                    case "drift" -> "DAA038";
                    default -> "E01E5A";
                }).put("title", "switchboard: " + n.target() + " " + n.event())
                .put("text", n.line().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        return bytes(card);
    }

    static Sender teams(HttpClient http, SharedSecret url) {
        return n -> send(http, post(URI.create(url.reveal()), teamsBody(n)), "teams");
    }

    /** GitHub's states: error, failure, pending, success. */
    static String githubState(String event) {
        return switch (event) {
            case "applied" -> "success";
            case "drift" -> "pending";
            case "unconfirmed" -> "error";
            default -> "failure";
        };
    }

    /** GitLab's states: pending, running, success, failed, canceled. */
    static String gitlabState(String event) {
        return switch (event) {
            case "applied" -> "success";
            case "drift" -> "pending";
            default -> "failed";
        };
    }

    static byte[] githubBody(Notification n) {
        return bytes(JSON.createObjectNode().put("state", githubState(n.event()))
                .put("context", "switchboard/" + n.target()).put("description", description(n)));
    }

    static byte[] gitlabBody(Notification n) {
        return bytes(JSON.createObjectNode().put("state", gitlabState(n.event()))
                .put("name", "switchboard/" + n.target()).put("description", description(n)));
    }

    static Sender github(HttpClient http, URI api, String repository, SharedSecret token) {
        return n -> {
            if (!SHA.matcher(n.commit()).matches()) {
                return; // a local directory without Git: no commit to put a status on
            }
            HttpRequest.Builder request = post(join(api, "/repos/" + repository + "/statuses/" + n.commit()), githubBody(n))
                    .header("Authorization", "Bearer " + token.reveal())
                    .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28");
            send(http, request, "github");
        };
    }

    static Sender gitlab(HttpClient http, URI api, String project, SharedSecret token) {
        return n -> {
            if (!SHA.matcher(n.commit()).matches()) {
                return;
            }
            String id = URLEncoder.encode(project, StandardCharsets.UTF_8);
            HttpRequest.Builder request = post(join(api, "/projects/" + id + "/statuses/" + n.commit()), gitlabBody(n))
                    .header("PRIVATE-TOKEN", token.reveal());
            send(http, request, "gitlab");
        };
    }

    private static String description(Notification n) {
        String line = n.line().substring(n.target().length() + 2);
        return line.length() > DESCRIPTION_MAX ? line.substring(0, DESCRIPTION_MAX - 3) + "..." : line;
    }

    private static URI join(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    private static HttpRequest.Builder post(URI url, byte[] body) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("User-Agent", "switchboard").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static void send(HttpClient http, HttpRequest.Builder request, String service) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            // The URL is not shown: Slack's and Teams' URLs are secrets.
            throw new IOException(service + " answered HTTP " + response.statusCode());
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
