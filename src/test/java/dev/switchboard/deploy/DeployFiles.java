package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the tests of deploy/ read from the repository's examples. */
final class DeployFiles {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DeployFiles() {
    }

    /** The YAML documents of a manifest file, in order, without empty ones (a leading or trailing ---). */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** A copy of a desired-state directory, without the machine's own .switchboard/. */
    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !p.toString().contains(".switchboard")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** Every NAME that a file of {@code dir} refers to as {@code ${env:NAME}}. */
    static Set<String> environmentReferences(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher matcher = ENV_REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    /**
     * The secret values examples/quickstart reads through ${file:...} that are distinctive enough to look
     * for (not the simulators' "admin", which is also a login name): none may show in a comment or plan.
     */
    static List<String> quickstartSecretValues() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples/quickstart/secrets"))) {
            return files.map(file -> {
                try {
                    return Files.readString(file).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(value -> value.length() >= 8).toList();
        }
    }
}
