package dev.switchboard.desired;

import dev.switchboard.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code settings.notifications} of {@code switchboard.yaml}: the services the daemon tells about each
 * target's reconcile. Their secrets are kept as the references written ({@code ${env:NAME}},
 * {@code ${file:PATH}}), unresolved: they name the daemon's environment, which {@code validate} and
 * {@code plan} on a laptop need not have. The daemon resolves them for each commit it reconciles.
 *
 * @param services in the order webhook, slack, teams, github, gitlab; only those written
 */
public record Notifications(List<Service> services) {

    public static final Notifications NONE = new Notifications(List.of());

    /** What a target's reconcile can be told as, in the order the documentation gives them. */
    public static final List<String> EVENTS = List.of("drift", "applied", "failed", "blocked", "unconfirmed");

    public Notifications {
        services = List.copyOf(services);
    }

    /** A secret field as written: the reference (never its value) and where it is, for the daemon's messages. */
    public record Reference(String reference, SourceLocation at, String fieldPath) {
    }

    /**
     * One service.
     *
     * @param name     {@code webhook}, {@code slack}, {@code teams}, {@code github} or {@code gitlab}
     * @param settings its plain fields: a webhook's {@code url}, a forge's {@code repository} and {@code api}
     * @param secrets  its secret fields by name: a webhook's {@code secret}, a chat's {@code url}, a forge's
     *                 {@code token}
     * @param events   what it hears: its own {@code on}, else the notifications' {@code on}, else every event
     * @param targets  whose reconciles: its own {@code targets}, else the notifications', else empty (every target)
     */
    public record Service(String name, Map<String, String> settings, Map<String, Reference> secrets, Set<String> events,
                          Optional<Set<String>> targets) {

        public Service {
            settings = Map.copyOf(settings);
            secrets = Map.copyOf(secrets);
            events = Set.copyOf(events);
            targets = targets.map(Set::copyOf);
        }
    }
}
