package dev.switchboard.desired;

import dev.switchboard.model.Durations;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code switchboard.yaml}, already checked against its schema, into settings and targets. */
final class ConfigReader {

    private ConfigReader() {
    }

    static Settings settings(YamlObject root) {
        Optional<YamlObject> settings = root.object("settings", "settings");
        if (settings.isEmpty()) {
            return Settings.DEFAULT;
        }
        YamlObject s = settings.get();
        Map<String, Set<String>> ignore = new LinkedHashMap<>();
        s.object("ignore", "ignore").ifPresent(byKind -> {
            for (String kind : byKind.fieldNames()) {
                ignore.put(kind, new LinkedHashSet<>(byKind.texts(kind)));
            }
        });
        return new Settings(
                s.integer("parallelism").map(Long::intValue).orElse(Settings.DEFAULT.parallelism()),
                s.integer("maxDeletePercent").map(Long::intValue).orElse(Settings.DEFAULT.maxDeletePercent()),
                s.integer("maxUpdatePercent").map(Long::intValue).orElse(Settings.DEFAULT.maxUpdatePercent()),
                ignore,
                NotificationsReader.read(s, root.object("targets", "targets").map(YamlObject::fieldNames).orElse(List.of())));
    }

    static Map<String, TargetSpec> targets(YamlObject root, Settings settings, Map<String, ResourceFileFormat> formats,
                                           LoadContext context) {
        Map<String, TargetSpec> targets = new LinkedHashMap<>();
        root.object("targets", "targets").ifPresent(all -> {
            for (String name : all.fieldNames()) {
                context.reading(name);
                all.object(name, "target").ifPresent(t -> targets.put(name, target(name, t, settings, formats)));
            }
        });
        context.reading(null);
        return targets;
    }

    /**
     * Whether a target is the built-in simulator or a server on this machine's loopback (a simulator
     * started by {@code switchboard sim}, a test server): their credentials may be written as plain text.
     */
    static boolean isLocal(String url) {
        if (TargetSpec.EMBEDDED.equals(url)) {
            return true;
        }
        try {
            String host = java.net.URI.create(url).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    /** The target's {@code protect:} list, each entry {@code KIND[/KEY]} of a kind the target has. */
    private static List<KeyPattern> protect(YamlObject t, String targetKind, Optional<ResourceFileFormat> format) {
        List<String> kinds = format.map(f -> f.kinds().stream().map(ResourceKind::name).toList()).orElse(List.of());
        List<KeyPattern> patterns = new ArrayList<>();
        List<String> entries = t.texts("protect");
        for (int i = 0; i < entries.size(); i++) {
            KeyPattern pattern = KeyPattern.parse(entries.get(i));
            if (!kinds.isEmpty() && !kinds.contains(pattern.kind())) {
                String hint = Suggestions.closest(pattern.kind(), kinds).map(k -> "did you mean '" + k + "'?")
                        .orElse("the kinds of a " + targetKind + " target are: " + String.join(", ", kinds));
                t.problem(Problem.at(t.locationOf("protect", i), t.fieldPath("protect", i),
                        "'" + pattern.kind() + "' is not a kind of a " + targetKind + " target", hint));
                continue;
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    /** A duration field; text not of its form is the schema's to report, a number too large for one is ours. */
    private static Optional<java.time.Duration> duration(YamlObject timeouts, String name) {
        Optional<String> text = timeouts.text(name);
        Optional<java.time.Duration> duration = text.flatMap(Durations::parse);
        if (text.isPresent() && duration.isEmpty() && text.get().trim().matches(Durations.PATTERN)) {
            timeouts.problem(Problem.at(timeouts.locationOf(name), timeouts.fieldPath(name),
                    "'" + text.get() + "' is too long a duration", "write a whole number with ms, s, m or h: 30s, 2m"));
        }
        return duration;
    }

    private static TargetSpec target(String name, YamlObject t, Settings settings,
                                     Map<String, ResourceFileFormat> formats) {
        String kind = t.text("kind").orElse("");
        Optional<ResourceFileFormat> format = Optional.ofNullable(formats.get(kind));
        Map<String, Object> auth = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        format.ifPresent(f -> f.targetFields().read(t, isLocal(t.text("url").orElse("")), auth, options));
        TargetSpec.Tls tls = t.object("tls", "tls")
                .map(x -> new TargetSpec.Tls(x.text("caFile"), x.bool("insecureSkipVerify").orElse(false)))
                .orElse(TargetSpec.Tls.DEFAULT);
        TargetSpec.Policy policy = new TargetSpec.Policy(
                t.bool("prune").orElse(false),
                t.bool("readOnly").orElse(false),
                t.bool("suspend").orElse(false),
                t.integer("maxDeletePercent").map(Long::intValue).orElse(settings.maxDeletePercent()),
                t.integer("maxUpdatePercent").map(Long::intValue).orElse(settings.maxUpdatePercent()),
                t.integer("parallelism").map(Long::intValue).orElse(settings.parallelism()),
                protect(t, kind, format));
        TargetSpec.Timeouts defaults = TargetSpec.Timeouts.DEFAULT;
        TargetSpec.Timeouts timeouts = t.object("timeouts", "timeouts").map(x -> new TargetSpec.Timeouts(
                duration(x, "connect").orElse(defaults.connect()),
                duration(x, "read").orElse(defaults.read()),
                duration(x, "call").orElse(defaults.call()))).orElse(defaults);
        TargetSpec.Sim sim = t.object("sim", "sim").map(x -> {
            Map<String, String> knobs = new LinkedHashMap<>();
            x.object("options", "options").ifPresent(o -> o.fieldNames().forEach(n -> {
                if (o.node(n).isValueNode()) {
                    knobs.put(n, o.node(n).asText());
                }
            }));
            return new TargetSpec.Sim(x.texts("dialects"), knobs);
        }).orElse(TargetSpec.Sim.DEFAULT);
        Optional<TargetSpec.ShardPin> shard = t.integer("shard").map(k -> new TargetSpec.ShardPin(k.intValue(),
                t.locationOf("shard"), t.fieldPath("shard")));
        return new TargetSpec(name, kind, t.text("url").orElse(""), auth, options, tls, policy, timeouts, sim, shard);
    }
}
