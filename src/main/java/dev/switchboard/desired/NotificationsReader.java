package dev.switchboard.desired;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code settings.notifications}, already checked against its schema (which reports unknown fields
 * and events). Refuses what the schema cannot see: a secret written as a literal, which would be committed
 * to Git, and a target that {@code switchboard.yaml} does not declare.
 */
final class NotificationsReader {

    private static final Map<String, String> SECRETS_SAID = Map.of(
            "webhook", "the webhook's signing secret",
            "slack", "a Slack incoming webhook's URL",
            "teams", "a Microsoft Teams incoming webhook's URL",
            "github", "a GitHub token",
            "gitlab", "a GitLab token");

    private NotificationsReader() {
    }

    static Notifications read(YamlObject settings, Collection<String> declaredTargets) {
        Optional<YamlObject> found = settings.object("notifications", "notifications");
        if (found.isEmpty()) {
            return Notifications.NONE;
        }
        YamlObject n = found.get();
        Set<String> on = events(n).orElse(new LinkedHashSet<>(Notifications.EVENTS));
        Optional<Set<String>> targets = targets(n, declaredTargets);
        List<Notifications.Service> services = new ArrayList<>();
        n.object("webhook", "notificationWebhook").ifPresent(w -> {
            Map<String, String> plain = new LinkedHashMap<>();
            w.text("url").ifPresent(url -> plain.put("url", url));
            Map<String, Notifications.Reference> secrets = new LinkedHashMap<>();
            secret(w, "secret", "webhook").ifPresent(s -> secrets.put("secret", s));
            services.add(service("webhook", w, plain, secrets, on, targets, declaredTargets));
        });
        for (String chat : List.of("slack", "teams")) {
            n.object(chat, "notificationChat").ifPresent(c -> {
                Map<String, Notifications.Reference> secrets = new LinkedHashMap<>();
                secret(c, "url", chat).ifPresent(s -> secrets.put("url", s));
                services.add(service(chat, c, Map.of(), secrets, on, targets, declaredTargets));
            });
        }
        for (String forge : List.of("github", "gitlab")) {
            n.object(forge, "notificationForge").ifPresent(f -> {
                Map<String, String> plain = new LinkedHashMap<>();
                f.text("repository").ifPresent(r -> plain.put("repository", r));
                f.text("api").ifPresent(a -> plain.put("api", a));
                Map<String, Notifications.Reference> secrets = new LinkedHashMap<>();
                secret(f, "token", forge).ifPresent(s -> secrets.put("token", s));
                services.add(service(forge, f, plain, secrets, on, targets, declaredTargets));
            });
        }
        return new Notifications(services);
    }

    private static Notifications.Service service(String name, YamlObject s, Map<String, String> plain,
                                                 Map<String, Notifications.Reference> secrets, Set<String> on,
                                                 Optional<Set<String>> targets, Collection<String> declaredTargets) {
        return new Notifications.Service(name, plain, secrets, events(s).orElse(on),
                targets(s, declaredTargets).or(() -> targets));
    }

    /** The events of {@code on}; one that is not an event is the schema's to report (with a did-you-mean). */
    private static Optional<Set<String>> events(YamlObject o) {
        if (o.node("on").isMissingNode()) {
            return Optional.empty();
        }
        Set<String> events = new LinkedHashSet<>(o.texts("on"));
        events.retainAll(Notifications.EVENTS);
        return Optional.of(events);
    }

    private static Optional<Set<String>> targets(YamlObject o, Collection<String> declared) {
        if (o.node("targets").isMissingNode()) {
            return Optional.empty();
        }
        List<String> names = o.texts("targets");
        Set<String> targets = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (declared.contains(name)) {
                targets.add(name);
                continue;
            }
            String hint = Suggestions.closest(name, declared).map(t -> "did you mean '" + t + "'?")
                    .orElse(declared.isEmpty() ? "declare it under targets:"
                            : "the targets are: " + String.join(", ", declared));
            o.problem(Problem.at(o.locationOf("targets", i), o.fieldPath("targets", i),
                    "target '" + name + "' is not declared in " + DesiredStateLoader.CONFIG_FILE, hint));
        }
        return Optional.of(targets);
    }

    /**
     * A secret field: only a reference, left unresolved for the daemon. A value written in the file is
     * refused, whatever it is: the file is committed to Git, and a secret in Git is a leak.
     */
    private static Optional<Notifications.Reference> secret(YamlObject o, String field, String service) {
        com.fasterxml.jackson.databind.JsonNode node = o.node(field);
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String raw = node.asText();
        if (!SecretResolver.isReference(raw)) {
            o.problem(Problem.at(o.locationOf(field), o.fieldPath(field), SECRETS_SAID.get(service)
                            + " is a secret: written in the file, it would be committed to Git with it",
                    "write ${env:NAME} or ${file:PATH}, and give the daemon that variable or file"));
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        SecretResolver.checkReference(raw, o.locationOf(field), o.fieldPath(field), problems);
        problems.forEach(o::problem);
        return problems.isEmpty()
                ? Optional.of(new Notifications.Reference(raw, o.locationOf(field), o.fieldPath(field)))
                : Optional.empty();
    }
}
