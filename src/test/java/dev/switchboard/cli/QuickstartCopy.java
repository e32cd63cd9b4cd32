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
final class QuickstartCopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;

    private QuickstartCopy(Path dir) {
        this.dir = dir;
    }

    static QuickstartCopy in(Path parent) {
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
