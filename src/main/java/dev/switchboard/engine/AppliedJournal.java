package dev.switchboard.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.JournalChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An apply's journal ({@link dev.switchboard.apply.Journal}) read back for a rollback: the target it
 * applied, the changes it carried out ({@code applied} events, and the delete half of a replace whose
 * create then failed), and what it cannot say for sure (changes left unconfirmed or unfinished), which a
 * rollback does not invert and names. A torn last line (a killed apply) is passed over.
 *
 * @param target     the target the apply changed, from the {@code begin} event
 * @param begun      the time of the {@code begin} event, as written
 * @param version    the journal's version (1 when the {@code begin} event has none)
 * @param applied    the changes carried out, in the order they were recorded
 * @param notInverted one line per change that the rollback leaves alone, and why
 */
public record AppliedJournal(Path file, String target, String begun, int version, List<JournalChange> applied,
                             List<String> notInverted) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    /**
     * The target of the journal {@code file}, from its {@code begin} event.
     *
     * @throws EngineException when the file cannot be read or is no apply journal
     */
    public static String targetOf(Path file) {
        JsonNode begin = events(file).stream().filter(e -> e.path("event").asText().equals("begin")).findFirst()
                .orElseThrow(() -> new EngineException(file + " is not an apply journal: it has no 'begin' event"
                        + " (journals are the .jsonl files in .switchboard/journal/ that apply writes)"));
        String target = begin.path("target").asText("");
        if (target.isEmpty()) {
            throw new EngineException(file + ": its 'begin' event names no target");
        }
        return target;
    }

    /**
     * Reads {@code file} with the kinds of its target's provider.
     *
     * @param kinds the target's kinds by name; a change of another kind is not inverted (named)
     */
    public static AppliedJournal read(Path file, Function<String, Optional<ResourceKind>> kinds) {
        List<JsonNode> events = events(file);
        String target = targetOf(file);
        JsonNode begin = events.stream().filter(e -> e.path("event").asText().equals("begin")).findFirst().orElseThrow();
        int version = begin.path("version").asInt(1);
        Map<String, JsonNode> started = new LinkedHashMap<>();
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        Map<String, JsonNode> halfReplaced = new LinkedHashMap<>();
        for (JsonNode event : events) {
            String name = event.path("event").asText();
            String change = event.path("action").asText() + " " + event.path("kind").asText() + " "
                    + event.path("key").asText();
            switch (name) {
                case "started" -> started.put(change, event);
                case "applied", "failed", "skipped", "unconfirmed" -> finished.put(change, event);
                case "deleted" -> halfReplaced.put(change, event);
                default -> {
                }
            }
        }
        List<JournalChange> applied = new ArrayList<>();
        List<String> notInverted = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : started.entrySet()) {
            JsonNode start = entry.getValue();
            JsonNode end = finished.get(entry.getKey());
            String status = end == null ? "unfinished" : end.path("event").asText();
            if (status.equals("failed") && halfReplaced.containsKey(entry.getKey())) {
                // a replace whose delete went through and whose create failed: for the server, a delete
                change(start, Action.DELETE, kinds, notInverted).ifPresent(applied::add);
                continue;
            }
            switch (status) {
                case "applied" -> change(end, Action.fromJson(end.path("action").asText()), kinds, notInverted)
                        .ifPresent(applied::add);
                case "unconfirmed" -> notInverted.add(entry.getKey() + ": unconfirmed in the apply (accepted, never"
                        + " seen on reading back): not rolled back; check it with 'switchboard plan'");
                case "unfinished" -> notInverted.add(entry.getKey() + ": the apply was killed before its result was"
                        + " recorded: not rolled back; check it with 'switchboard plan'");
                default -> {
                    // failed or skipped: the server was not changed, there is nothing to undo
                }
            }
        }
        return new AppliedJournal(file, target, begin.path("time").asText(""), version, List.copyOf(applied),
                List.copyOf(notInverted));
    }

    private static Optional<JournalChange> change(JsonNode event, Action action,
                                                  Function<String, Optional<ResourceKind>> kinds, List<String> notInverted) {
        String kindName = event.path("kind").asText();
        String shown = event.path("action").asText() + " " + kindName + " " + event.path("key").asText();
        Optional<ResourceKind> kind = kinds.apply(kindName);
        if (kind.isEmpty()) {
            notInverted.add(shown + ": the target has no kind '" + kindName + "' any more: not rolled back");
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (event.has("keyParts")) {
            event.path("keyParts").forEach(p -> parts.add(p.asText()));
        } else {
            // version 1: the path alone, which is ambiguous only for a name holding a '/'
            parts.addAll(Arrays.asList(event.path("key").asText().split("/", -1)));
        }
        ResourceKey key = new ResourceKey(kind.get(), parts);
        Optional<String> id = Optional.ofNullable(event.get("id")).filter(n -> !n.isNull()).map(JsonNode::asText);
        boolean dependsOnKnown = event.has("beforeDependsOn") || !event.has("before");
        Optional<Resource> before = resource(key, event.get("before"), event.get("beforeDependsOn"), kinds);
        Optional<Resource> after = resource(key, event.get("after"), event.get("afterDependsOn"), kinds);
        boolean needsAfter = action == Action.CREATE || action == Action.UPDATE || action == Action.REPLACE;
        boolean needsBefore = action != Action.CREATE;
        if ((needsBefore && before.isEmpty()) || (needsAfter && after.isEmpty())) {
            notInverted.add(shown + ": the journal does not hold the object's state: not rolled back");
            return Optional.empty();
        }
        if (action == Action.DELETE) {
            after = Optional.empty();
        }
        Set<String> changed = new LinkedHashSet<>();
        event.path("changed").forEach(f -> changed.add(f.asText()));
        return Optional.of(new JournalChange(key, action, id, before, after, changed, dependsOnKnown));
    }

    private static Optional<Resource> resource(ResourceKey key, JsonNode fields, JsonNode dependsOn,
                                               Function<String, Optional<ResourceKind>> kinds) {
        if (fields == null || !fields.isObject()) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        fields.fields().forEachRemaining(f -> values.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class)));
        Set<ResourceKey> keys = new LinkedHashSet<>();
        if (dependsOn != null) {
            for (JsonNode qualified : dependsOn) {
                List<String> parts = new ArrayList<>();
                qualified.forEach(p -> parts.add(p.asText()));
                if (parts.size() > 1) {
                    kinds.apply(parts.get(0)).ifPresent(k -> keys.add(new ResourceKey(k, parts.subList(1, parts.size()))));
                }
            }
        }
        return Optional.of(new Resource(key, values, keys, Optional.empty(), ResourceOptions.NONE, Optional.empty()));
    }

    private static List<JsonNode> events(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EngineException("no journal " + file + ": apply journals are in .switchboard/journal/ under the"
                    + " desired-state directory, one .jsonl file per apply and target");
        } catch (IOException e) {
            throw new EngineException("cannot read the journal " + file + ": " + e.getMessage());
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode event = JSON.readTree(line);
                if (event != null && event.isObject()) {
                    events.add(event);
                }
            } catch (IOException torn) {
                // the last line of a killed apply
            }
        }
        return events;
    }
}
