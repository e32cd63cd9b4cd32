package dev.switchboard.apply;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of one apply to one target: {@code .switchboard/journal/<time>-<target>.jsonl}, one JSON
 * line per change as it happens (started, then its result), each line flushed to disk before the next
 * call, so that a killed apply leaves an exact record. Secrets are masked: {@link dev.switchboard.model.Secret}
 * serialises as {@code (sensitive)}.
 */
public final class Journal implements AutoCloseable {

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

    /** Opens a new journal for {@code target} under {@code configDir}. */
    public static Journal open(Path configDir, String target, Clock clock) {
        Path file = configDir.resolve(DIRECTORY).resolve(FILE_TIME.format(clock.instant()) + "-" + target + ".jsonl");
        try {
            Files.createDirectories(file.getParent());
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new Journal(file, writer, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the apply journal " + file
                    + ": an apply is never run without its record", e);
        }
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
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the apply journal " + file, e);
        }
    }
}
