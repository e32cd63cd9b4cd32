package dev.switchboard.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.desired.Notifications;
import dev.switchboard.desired.Problem;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.model.Secret;
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
 *
 * <p>The services come from two places: the daemon's environment ({@code SWITCHBOARD_NOTIFY_*}), fixed at
 * start, and the {@code settings.notifications} of the commit in force, replaced when a new commit loads
 * ({@link #follow}). A service configured in both is the environment's: the operator's word stands over
 * the repository's. A service of the file whose secret reference does not resolve is off, with the reason.
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

    /**
     * A service as the status and the log show it.
     *
     * @param from   {@code environment} or {@code switchboard.yaml}
     * @param state  {@code on}; {@code off} when a secret reference of the file does not resolve; {@code overridden}
     *               when the environment configures the same service
     * @param reason why it is off or overridden; never a secret's value
     */
    public record ServiceState(String service, String from, String state, List<String> events,
                               Optional<List<String>> targets, Optional<String> reason) {

        static ServiceState on(Channel channel, String from) {
            return new ServiceState(channel.service(), from, "on", channel.events().stream().sorted().toList(),
                    channel.targets().map(t -> t.stream().sorted().toList()), Optional.empty());
        }

        /** One line for the log: {@code notifying slack (switchboard.yaml) of failed} or why not. */
        String line() {
            return switch (state) {
                case "on" -> "notifying " + service + " (" + from + ") of " + String.join(", ", events)
                        + targets.map(t -> " for " + String.join(", ", t)).orElse("");
                default -> "not notifying " + service + " (" + from + "): " + reason.orElse(state);
            };
        }
    }

    /** The channels of a {@code settings.notifications}, and the state of each of its services. */
    record Followed(List<Channel> channels, List<ServiceState> states) {
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

    private final List<Channel> fromEnvironment;
    private volatile List<Channel> fromDesiredState = List.of();
    private final Executor sending;
    private final BiConsumer<String, Boolean> counted;
    private final Map<String, String> lastSeen = new HashMap<>();

    Notifier(List<Channel> channels, Executor sending, BiConsumer<String, Boolean> counted) {
        this.fromEnvironment = List.copyOf(channels);
        this.sending = sending;
        this.counted = counted;
    }

    /** From now on, also notifies these channels (of the commit in force) instead of the ones before. */
    void follow(List<Channel> channels) {
        fromDesiredState = List.copyOf(channels);
    }

    /**
     * The channels of a commit's {@code settings.notifications}: each service whose secrets resolve, unless
     * the environment configures it already.
     *
     * @param environmental the services the environment configures
     * @param secrets       resolves the references, in the daemon's environment and the commit's directory
     */
    static Followed channels(Notifications notifications, Set<String> environmental, SecretResolver secrets,
                             HttpClient http) {
        List<Channel> channels = new ArrayList<>();
        List<ServiceState> states = new ArrayList<>();
        String from = "switchboard.yaml";
        for (Notifications.Service service : notifications.services()) {
            String name = service.name();
            List<String> events = Notifications.EVENTS.stream().filter(service.events()::contains).sorted().toList();
            Optional<List<String>> targets = service.targets().map(t -> t.stream().sorted().toList());
            if (environmental.contains(name)) {
                states.add(new ServiceState(name, from, "overridden", events, targets, Optional.of(
                        "SWITCHBOARD_NOTIFY_" + name.toUpperCase() + "_* configures " + name + " in the environment, which is used")));
                continue;
            }
            List<Problem> problems = new ArrayList<>();
            Map<String, SharedSecret> resolved = new HashMap<>();
            service.secrets().forEach((field, reference) -> secrets.resolve(reference.reference(), reference.at(),
                            reference.fieldPath(), problems)
                    .filter(Secret.class::isInstance)
                    .ifPresent(secret -> resolved.put(field, SharedSecret.of(((Secret) secret).reveal()))));
            Optional<String> off = problems.stream().findFirst()
                    .map(p -> p.location() + ": " + p.fieldPath() + ": " + p.message())
                    .or(() -> unusable(service, resolved));
            if (off.isPresent()) {
                states.add(new ServiceState(name, from, "off", events, targets, off));
                continue;
            }
            Channel channel = new Channel(name, service.events(), service.targets(), sender(service, resolved, http));
            channels.add(channel);
            states.add(ServiceState.on(channel, from));
        }
        return new Followed(channels, states);
    }

    /** Why a service's values cannot work: a URL that is none; a chat's is said without its value, a secret. */
    private static Optional<String> unusable(Notifications.Service service, Map<String, SharedSecret> resolved) {
        for (String plain : List.of("url", "api")) {
            String value = service.settings().get(plain);
            if (value != null && !isHttpUrl(value)) {
                return Optional.of("settings.notifications." + service.name() + "." + plain + ": " + value
                        + " is not an http or https URL");
            }
        }
        Notifications.Reference url = service.secrets().get("url");
        if (url != null && resolved.containsKey("url") && !isHttpUrl(resolved.get("url").reveal())) {
            return Optional.of(url.at() + ": " + url.fieldPath() + ": the value of " + url.reference()
                    + " is not an http or https URL");
        }
        return Optional.empty();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Sender sender(Notifications.Service service, Map<String, SharedSecret> secrets, HttpClient http) {
        return switch (service.name()) {
            case "webhook" -> webhook(http, URI.create(service.settings().get("url")),
                    Optional.ofNullable(secrets.get("secret")));
            case "slack" -> slack(http, secrets.get("url"));
            case "teams" -> teams(http, secrets.get("url"));
            case "github" -> github(http, URI.create(service.settings().getOrDefault("api", "https://api.github.com")),
                    service.settings().get("repository"), secrets.get("token"));
            case "gitlab" -> gitlab(http, URI.create(service.settings().getOrDefault("api", "https://gitlab.com/api/v4")),
                    service.settings().get("repository"), secrets.get("token"));
            default -> throw new IllegalArgumentException("no notification service " + service.name());
        };
    }

    /** The services named in the configuration; none when no address is set. */
    static List<Channel> channels(DaemonConfig.Notify config, HttpClient http) {
        // A typo in the events is refused even before any service is set: switchboard.yaml's services use them.
        requireEvents(Optional.empty(), config.on(), "");
        List<Channel> channels = new ArrayList<>();
        DaemonConfig.Webhook webhook = config.webhook();
        if (webhook.url().isPresent()) {
            Optional<SharedSecret> secret = SharedSecret.read("SWITCHBOARD_NOTIFY_WEBHOOK_SECRET", webhook.secret(),
                    webhook.secretFile());
            channels.add(channel("webhook", config, webhook.on(), webhook.targets(), webhook(http,
                    DaemonSettings.url("SWITCHBOARD_NOTIFY_WEBHOOK_URL", webhook.url().get(), false), secret)));
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
        URI api = forge.api().map(a -> DaemonSettings.url("SWITCHBOARD_NOTIFY_" + name.toUpperCase() + "_API", a, false))
                .orElse(defaultApi);
        Sender sender = name.equals("github") ? github(http, api, forge.repository().get(), token)
                : gitlab(http, api, forge.repository().get(), token);
        return Optional.of(channel(name, config, forge.on(), forge.targets(), sender));
    }

    private static Channel channel(String service, DaemonConfig.Notify config, Optional<List<String>> on,
                                   Optional<List<String>> targets, Sender sender) {
        List<String> events = on.orElse(config.on());
        requireEvents(on, events, service);
        return new Channel(service, Set.copyOf(events), targets.or(config::targets).map(Set::copyOf), sender);
    }

    private static void requireEvents(Optional<List<String>> own, List<String> events, String service) {
        for (String event : events) {
            if (!EVENTS.contains(event)) {
                throw new DaemonConfigException("SWITCHBOARD_NOTIFY" + (own.isPresent() ? "_" + service.toUpperCase() : "")
                        + "_ON: " + event + " is not an event; the events are " + String.join(", ", EVENTS.stream().sorted().toList()));
            }
        }
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
            List<Channel> channels = new ArrayList<>(fromEnvironment);
            channels.addAll(fromDesiredState);
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
            case IN_SYNC, WAITING_FOR_WINDOW -> Optional.empty();
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
        return n -> send(http, post(chatUrl(url, "Slack"), slackBody(n)), "slack");
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
        return n -> send(http, post(chatUrl(url, "Teams"), teamsBody(n)), "teams");
    }

    /** A chat's URL; when it is none, the error does not quote it (URI's own message would: it is a secret). */
    private static URI chatUrl(SharedSecret url, String chat) throws IOException {
        try {
            return URI.create(url.reveal());
        } catch (IllegalArgumentException e) {
            throw new IOException("the " + chat + " webhook's URL is not a URL");
        }
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
