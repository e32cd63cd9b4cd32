package dev.switchboard.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.diff.WriteOnlyPolicy;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Switchboard last sent for each write-only field of a target's objects (passwords, an XCI user's
 * template), as keyed fingerprints, so that a changed secret (rotated in the environment or the secret
 * file) is sent again although the server never shows it (SPEC section 4).
 *
 * <p>Kept in {@code <stateDir>/fingerprints/<target>.json}. A fingerprint is an HMAC-SHA256 with a
 * random key of this installation ({@code <stateDir>/fingerprints/.key}, readable by its owner only),
 * so the file reveals nothing about a password, not even to a dictionary attack without the key. A
 * field with no fingerprint (an object created before, or adopted) is not resent: nothing says it changed.
 *
 * <p>Saving costs one line per field, not the whole file: the first change after opening rewrites the
 * file (folding in anything a killed run left behind), each later one appends a line to
 * {@code <target>.json.log} and flushes it, and {@link #flush()} (at the end of an apply) folds the log
 * back into the file and removes it. A run killed in between loses nothing: {@link #open} replays the log,
 * ignoring a last line cut short.
 */
public final class WriteOnlyFingerprints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path log;
    private final Path keyFile;
    private final ObjectNode fingerprints;
    private byte[] key;
    /** Made and keyed once: looking the algorithm up again for every field compared was most of a plan's cost here. */
    private Mac mac;
    private boolean saved;
    private BufferedWriter logWriter;

    private WriteOnlyFingerprints(Path file, Path keyFile, ObjectNode fingerprints) {
        this.file = file;
        this.log = file.resolveSibling(file.getFileName() + ".log");
        this.keyFile = keyFile;
        this.fingerprints = fingerprints;
    }

    /** Reads the fingerprints of {@code target}; writes nothing until something is {@link #sent}. */
    public static WriteOnlyFingerprints open(Path stateDir, String target) {
        Path dir = stateDir.resolve("fingerprints");
        Path file = dir.resolve(target + ".json");
        try {
            ObjectNode fingerprints = Files.exists(file)
                    ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
            WriteOnlyFingerprints opened = new WriteOnlyFingerprints(file, dir.resolve(".key"), fingerprints);
            opened.replayLog();
            return opened;
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException("cannot read the write-only fingerprints " + file
                    + " (delete it to forget what was sent; nothing is resent until it changes again)",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Resend a field when its declared value differs from what was last sent. */
    public WriteOnlyPolicy changedSinceLastSent() {
        return (key, field, desired) -> recorded(key, field).map(f -> !f.equals(fingerprint(desired))).orElse(false);
    }

    public synchronized Optional<String> recorded(ResourceKey key, String field) {
        JsonNode value = fingerprints.path(key.toString()).get(field);
        return value == null ? Optional.empty() : Optional.of(value.asText());
    }

    /** Remembers that {@code value} was sent as {@code field} of {@code key}, and saves it at once. */
    public synchronized void sent(ResourceKey key, String field, Object value) {
        String fingerprint = fingerprint(value);
        remember(key.toString(), field, fingerprint);
        persist(JSON.createObjectNode().put("key", key.toString()).put("field", field).put("fingerprint", fingerprint));
    }

    /** Forgets a deleted object. */
    public synchronized void deleted(ResourceKey key) {
        if (fingerprints.remove(key.toString()) != null) {
            persist(JSON.createObjectNode().put("key", key.toString()).put("deleted", true));
        }
    }

    /** Folds the lines appended since opening into the file, and removes the log. */
    public synchronized void flush() {
        if (logWriter == null) {
            return;
        }
        try {
            logWriter.close();
            logWriter = null;
            save();
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the write-only fingerprints " + file, e);
        }
    }

    private void remember(String key, String field, String fingerprint) {
        JsonNode existing = fingerprints.get(key);
        ObjectNode fields = existing instanceof ObjectNode o ? o : fingerprints.putObject(key);
        fields.put(field, fingerprint);
    }

    /** The first change rewrites the file (and drops an old log it now holds), later ones append to the log. */
    private void persist(ObjectNode line) {
        if (!saved) {
            save();
            saved = true;
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + log, e);
            }
            return;
        }
        try {
            if (logWriter == null) {
                logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            }
            logWriter.write(JSON.writeValueAsString(line));
            logWriter.newLine();
            logWriter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the write-only fingerprints to " + log, e);
        }
    }

    private void replayLog() throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        for (String text : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException cutShort) {
                continue; // the last line of a killed run
            }
            if (line == null || !line.path("key").isTextual()) {
                continue;
            }
            if (line.path("deleted").asBoolean(false)) {
                fingerprints.remove(line.get("key").asText());
            } else if (line.path("field").isTextual() && line.path("fingerprint").isTextual()) {
                remember(line.get("key").asText(), line.get("field").asText(), line.get("fingerprint").asText());
            }
        }
    }

    synchronized String fingerprint(Object value) {
        String text = value instanceof Secret secret ? secret.reveal() : String.valueOf(value);
        try {
            if (mac == null) {
                Mac keyed = Mac.getInstance("HmacSHA256");
                keyed.init(new SecretKeySpec(key(), "HmacSHA256"));
                mac = keyed;
            }
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        if (key == null) {
            try {
                Files.createDirectories(keyFile.getParent());
                key = loadOrCreateKey(keyFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the fingerprint key " + keyFile, e);
            }
        }
        return key;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), fingerprints);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the write-only fingerprints " + file, e);
        }
    }

    /**
     * One key for every target of a state directory. Targets are applied at once, so two of them may ask for
     * it first together: it is made under one lock, and written whole to a temporary file moved into place,
     * so that nobody reads half a key or makes a second one.
     */
    private static synchronized byte[] loadOrCreateKey(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            return HexFormat.of().parseHex(Files.readString(keyFile).trim());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.writeString(temp, HexFormat.of().formatHex(key));
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's ACL
        }
        Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }
}
