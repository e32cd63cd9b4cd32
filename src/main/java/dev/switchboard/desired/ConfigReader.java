package dev.switchboard.desired;

import dev.switchboard.model.Durations;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.SourceLocation;
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
        return settings(root, List.of());
    }

    /** @param numberFields the fields of the installed systems that hold extensions and mailboxes */
    static Settings settings(YamlObject root, List<NumberField> numberFields) {
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
                NotificationsReader.read(s, root.object("targets", "targets").map(YamlObject::fieldNames).orElse(List.of())),
                numberPlan(s, root.object("targets", "targets").map(YamlObject::fieldNames).orElse(List.of()), numberFields),
                windows(s, root.object("targets", "targets").map(YamlObject::fieldNames).orElse(List.of())),
                lock(s));
    }

    /** {@code settings.lock} (its values are the schema's to check) and {@code settings.lockNamespace}. */
    private static Settings.Lock lock(YamlObject settings) {
        Settings.Lock.Kind kind = settings.text("lock").filter("kubernetes"::equals)
                .map(k -> Settings.Lock.Kind.KUBERNETES).orElse(Settings.Lock.Kind.FILE);
        Optional<String> namespace = settings.text("lockNamespace");
        if (namespace.isPresent() && kind == Settings.Lock.Kind.FILE) {
            settings.problem(Problem.at(settings.locationOf("lockNamespace"), settings.fieldPath("lockNamespace"),
                    "lockNamespace is the namespace of the lock Leases, and this repository locks with files",
                    "add 'lock: kubernetes' beside it, or remove it"));
        }
        return new Settings.Lock(kind, namespace);
    }

    /**
     * {@code settings.numberPlan}: each scope's targets declared, each in one scope only, each range's ends in
     * order (the schema checks their form).
     */
    private static NumberPlan numberPlan(YamlObject settings, List<String> declaredTargets, List<NumberField> fields) {
        List<NumberPlan.Scope> scopes = new ArrayList<>();
        Map<String, SourceLocation> scopeOfTarget = new LinkedHashMap<>();
        for (YamlObject scope : settings.objects("numberPlan", "numberPlanScope")) {
            String name = scope.text("name").orElse("");
            List<String> targets = new ArrayList<>();
            List<String> written = scope.texts("targets");
            for (int i = 0; i < written.size(); i++) {
                String target = written.get(i);
                SourceLocation at = scope.locationOf("targets", i);
                if (!declaredTargets.contains(target)) {
                    scope.problem(Problem.at(at, scope.fieldPath("targets", i), "target '" + target
                            + "' of number plan " + name + " is not declared under targets:", Suggestions.closest(target,
                            declaredTargets).map(t -> "did you mean '" + t + "'?").orElse("the targets are: "
                            + String.join(", ", declaredTargets))));
                } else if (scopeOfTarget.containsKey(target)) {
                    scope.problem(Problem.at(at, scope.fieldPath("targets", i), "target " + target
                            + " is in two number plans: here and at " + scopeOfTarget.get(target),
                            "a target has one dial plan: put the targets that share it in one scope"));
                } else {
                    scopeOfTarget.put(target, at);
                    targets.add(target);
                }
            }
            List<NumberPlan.Range> ranges = new ArrayList<>();
            List<String> rangeTexts = scope.texts("ranges");
            for (int i = 0; i < rangeTexts.size(); i++) {
                Optional<NumberPlan.Range> range = NumberPlan.Range.parse(rangeTexts.get(i));
                if (range.isEmpty() && rangeTexts.get(i).matches(" *[0-9]+( *- *[0-9]+)? *")) {
                    scope.problem(Problem.at(scope.locationOf("ranges", i), scope.fieldPath("ranges", i), "'"
                            + rangeTexts.get(i) + "' is not a range of numbers",
                            "write FIRST-LAST in digits, the first no greater than the last: \"1000-1999\", or one number"));
                } else {
                    range.ifPresent(ranges::add); // a range not of the form is the schema's to report
                }
            }
            boolean required = scope.text("mailboxes").map("required"::equals).orElse(false);
            scopes.add(new NumberPlan.Scope(name, targets, ranges, required, scope.location()));
        }
        return scopes.isEmpty() ? NumberPlan.NONE : new NumberPlan(scopes, fields);
    }

    /**
     * {@code settings.windows}: each entry's cron expression, duration, time zone and target names checked,
     * a problem at its line naming the field otherwise (the schema has checked the entries' shape).
     */
    private static ChangeWindows windows(YamlObject settings, List<String> targetNames) {
        List<ChangeWindow> windows = new java.util.ArrayList<>();
        List<YamlObject> entries = settings.objects("windows", "window");
        for (YamlObject w : entries) {
            Optional<ChangeWindow.Kind> kind = w.text("kind").filter(k -> k.equals("allow") || k.equals("deny"))
                    .map(k -> ChangeWindow.Kind.valueOf(k.toUpperCase(java.util.Locale.ROOT)));
            Optional<String> schedule = w.text("schedule");
            boolean valid = kind.isPresent() && schedule.isPresent();
            if (schedule.isPresent()) {
                try {
                    ChangeWindow.parse(schedule.get());
                } catch (IllegalArgumentException e) {
                    w.problem(Problem.at(w.locationOf("schedule"), w.fieldPath("schedule"), "'" + schedule.get()
                            + "' is not a cron expression: " + e.getMessage(), "five fields, minute hour day-of-month"
                            + " month day-of-week, as crontab writes them: \"0 22 * * 1-5\" is 22:00 Monday to Friday"));
                    valid = false;
                }
            }
            Optional<String> text = w.text("duration");
            Optional<java.time.Duration> duration = text.flatMap(Durations::parse).filter(d -> !d.isZero());
            if (text.isPresent() && duration.isEmpty()) {
                w.problem(Problem.at(w.locationOf("duration"), w.fieldPath("duration"), "'" + text.get()
                        + "' is no duration a window can last", "a whole number above 0 with ms, s, m or h: 2h, 90m"));
                valid = false;
            }
            java.time.ZoneId zone = java.time.ZoneId.of("UTC");
            Optional<String> zoneName = w.text("timeZone");
            if (zoneName.isPresent()) {
                try {
                    zone = java.time.ZoneId.of(zoneName.get());
                } catch (java.time.DateTimeException e) {
                    String hint = Suggestions.closest(zoneName.get(), java.time.ZoneId.getAvailableZoneIds())
                            .map(z -> "did you mean '" + z + "'?").orElse("an IANA time zone such as Europe/Paris or UTC");
                    w.problem(Problem.at(w.locationOf("timeZone"), w.fieldPath("timeZone"), "'" + zoneName.get()
                            + "' is not a time zone", hint));
                    valid = false;
                }
            }
            List<String> targets = w.texts("targets");
            for (int i = 0; i < targets.size(); i++) {
                if (!targetNames.isEmpty() && !targetNames.contains(targets.get(i))) {
                    String hint = Suggestions.closest(targets.get(i), targetNames).map(t -> "did you mean '" + t + "'?")
                            .orElse("the targets are: " + String.join(", ", targetNames));
                    w.problem(Problem.at(w.locationOf("targets", i), w.fieldPath("targets", i), "'" + targets.get(i)
                            + "' is not a target of switchboard.yaml", hint));
                    valid = false;
                }
            }
            if (valid && duration.isPresent()) {
                windows.add(new ChangeWindow(kind.get(), schedule.get().trim(), duration.get(), targets, zone, w.location()));
            }
        }
        return new ChangeWindows(windows);
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
