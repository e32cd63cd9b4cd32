package dev.switchboard.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/**
 * The record of one apply to one target: {@code .switchboard/journal/<time>-<target>.jsonl}, one JSON
 * line per change as it happens (started, then its result), each line flushed to disk before the next
 * call, so that a killed apply leaves an exact record. Secrets are masked: {@link dev.switchboard.model.Secret}
 * serialises as {@code (sensitive)}.
 */
public final class Journal implements AutoCloseable {

    /**
     * The version of what a journal's lines hold, in its {@code begin} event: 2 adds to each change its
     * {@code keyParts}, the {@code changed} fields of an update and the {@code beforeDependsOn} and
     * {@code afterDependsOn} keys, which a rollback needs; a journal without a version is of version 1.
     */
    public static final int VERSION = 2;

    /** Where journals are kept, relative to the desired-state directory. */
    public static final Path DIRECTORY = Path.of(".switchboard", "journal");

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module())
            .disable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final BufferedWriter writer;
    private final Clock clock;

    private Journal(Path file, BufferedWriter writer, Clock clock) {
        this.file = file;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Opens a new journal for {@code target} under {@code configDir}, its first line a {@code begin} event;
     * {@link #close} writes the {@code end} event, so a journal without one is that of an apply that was
     * killed (see {@link #interrupted}).
     */
    public static Journal open(Path configDir, String target, Clock clock) {
        Path dir = configDir.resolve(DIRECTORY);
        Path file = dir.resolve(FILE_TIME.format(clock.instant()) + "-" + target + ".jsonl");
        try {
            Files.createDirectories(dir);
            for (int n = 2; Files.exists(file); n++) {
                // two applies of one target within a millisecond (the lock orders them): never overwrite a record
                file = dir.resolve(FILE_TIME.format(clock.instant()) + "-" + n + "-" + target + ".jsonl");
            }
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Journal journal = new Journal(file, writer, clock);
            journal.record("begin", Map.of("target", target, "version", VERSION));
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the apply journal " + file
                    + ": an apply is never run without its record", e);
        }
    }

    /**
     * The journals of {@code target}'s applies that ended without their {@code end} event (the process was
     * killed) and that no later apply has examined yet, oldest first, each with the changes it had started
     * and never recorded a result for. A torn last line (killed mid-write) is ignored.
     */
    public static List<Interrupted> interrupted(Path configDir, String target) {
        Path dir = configDir.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Interrupted> found = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-" + target + ".jsonl")).sorted().toList()) {
                Map<String, JsonNode> started = new LinkedHashMap<>();
                boolean ended = false;
                boolean ours = false;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    JsonNode event;
                    try {
                        event = json.readTree(line);
                    } catch (IOException torn) {
                        continue;
                    }
                    if (event == null || !event.isObject()) {
                        continue;
                    }
                    String name = event.path("event").asText();
                    String change = event.path("action").asText() + " " + event.path("kind").asText() + " "
                            + event.path("key").asText();
                    switch (name) {
                        case "begin" -> ours = event.path("target").asText().equals(target);
                        case "started" -> started.put(change, event);
                        case "applied", "failed", "skipped", "unconfirmed" -> started.remove(change);
                        case "end", "examined" -> ended = true;
                        default -> {
                        }
                    }
                }
                if (ours && !ended) {
                    found.add(new Interrupted(file, List.copyOf(started.values())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the apply journals in " + dir, e);
        }
        return found;
    }

    /** Marks an interrupted journal as examined by a later apply, with what it found, so it is reported once. */
    public static void examined(Interrupted journal, List<String> findings, Clock clock) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now(clock).toString());
        line.put("event", "examined");
        line.put("findings", findings);
        try {
            Files.writeString(journal.file(), "\n" + new ObjectMapper().writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the interrupted apply journal " + journal.file() + " as examined", e);
        }
    }

    /**
     * An apply that was killed.
     *
     * @param unfinished its {@code started} events that have no result: changes whose outcome is unknown
     */
    public record Interrupted(Path file, List<JsonNode> unfinished) {
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one line: {@code event} ("started", "applied", "failed", "unconfirmed", "skipped") and the change's details
     * ({@code kind}, {@code key}, {@code action}, {@code before}, {@code after}, {@code message}, ...).
     */
    public synchronized void record(String event, Map<String, Object> details) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now(clock).toString());
        line.put("event", event);
        line.putAll(details);
        try {
            writer.write(json.writeValueAsString(line));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the apply journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            record("end", Map.of());
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the apply journal " + file, e);
        }
    }
}
