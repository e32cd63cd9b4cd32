package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A private copy of examples/quickstart for one test, with helpers to edit it and read its simulators' state. */
public final class QuickstartCopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path dir;

    private QuickstartCopy(Path dir) {
        this.dir = dir;
    }

    public static QuickstartCopy in(Path parent) {
        Path source = Path.of("examples/quickstart");
        Path target = parent.resolve("quickstart");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !p.toString().contains(".switchboard")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuickstartCopy(target);
    }

    /**
     * A copy that declares only {@code keep} of the quickstart's targets (their entries in switchboard.yaml
     * and their resource files): for tests of behaviour that one or two systems show as well as five,
     * at a fraction of the time each command takes against all five simulators.
     */
    static QuickstartCopy of(Path parent, String... keep) {
        return restrict(in(parent), keep);
    }

    private static QuickstartCopy restrict(QuickstartCopy copy, String... keep) {
        java.util.Set<String> kept = java.util.Set.of(keep);
        try {
            Path config = copy.dir.resolve("switchboard.yaml");
            StringBuilder out = new StringBuilder();
            boolean inTargets = false;
            boolean dropping = false;
            for (String line : Files.readAllLines(config)) {
                if (line.startsWith("targets:")) {
                    inTargets = true;
                } else if (inTargets && line.matches("  [a-z][a-z0-9-]*:.*")) {
                    dropping = !kept.contains(line.trim().substring(0, line.trim().indexOf(':')));
                } else if (inTargets && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                    inTargets = false;
                    dropping = false;
                }
                if (!dropping) {
                    out.append(line).append('\n');
                }
            }
            Files.writeString(config, out);
            try (Stream<Path> files = Files.walk(copy.dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.equals(config)).toList()) {
                    java.util.Optional<String> target = Files.readAllLines(file).stream()
                            .filter(l -> l.startsWith("target:")).map(l -> l.substring(7).trim()).findFirst();
                    if (target.isPresent() && !kept.contains(target.get())) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Removes {@code target} from switchboard.yaml and its resource files, as {@link #of} leaves it out. */
    static void dropTarget(QuickstartCopy copy, String target) {
        java.util.List<String> keep = new java.util.ArrayList<>();
        try {
            for (String line : Files.readAllLines(copy.dir.resolve("switchboard.yaml"))) {
                if (line.matches("  [a-z][a-z0-9-]*:.*")) {
                    keep.add(line.trim().substring(0, line.trim().indexOf(':')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keep.remove(target);
        restrict(copy, keep.toArray(String[]::new));
    }

    String arg() {
        return dir.toString();
    }

    void replace(String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded simulator's state of {@code target}, as saved in .switchboard/sim. */
    JsonNode simState(String target) {
        try {
            return JSON.readTree(dir.resolve(".switchboard/sim/" + target + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeSimState(String target, JsonNode state) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(".switchboard/sim/" + target + ".json").toFile(), state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Officelinx simulator's mailbox rows. */
    JsonNode mailboxes() {
        return simState("olx-main").path("officelinx").path("EEAMMailboxes");
    }

    JsonNode mailbox(String number) {
        for (JsonNode mailbox : mailboxes()) {
            if (mailbox.path("MailboxNo").asText().equals(number)) {
                return mailbox;
            }
        }
        throw new AssertionError("no mailbox " + number + " in the simulator");
    }
}
