package dev.switchboard.desired;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.switchboard.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses one YAML file into a {@link YamlDocument}, reporting instead of throwing: bytes that are not
 * UTF-8, empty files, syntax errors, duplicate keys, more than one document, and aliases that expand
 * into more nodes than any real configuration has (the "billion laughs" attack) are all
 * {@link Problem}s with a location.
 *
 * <p>Anchors and aliases are expanded here, with a budget, rather than by the YAML library, which
 * would hand an alias through as the anchor's name.
 */
public final class YamlReader {

    /** More nodes than this in one file, counting alias expansions, is refused. */
    static final int MAX_NODES = 200_000;
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setNestingDepthLimit(64);
        options.setMaxAliasesForCollections(100);
        this.factory = YAMLFactory.builder().loaderOptions(options).build();
    }

    /**
     * @param file  the path to show in problems (relative to the desired-state directory)
     * @param bytes the file's content
     * @return the document, or empty when problems made it unreadable (they are added to {@code problems})
     */
    public Optional<YamlDocument> read(Path file, byte[] bytes, List<Problem> problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(Problem.at(SourceLocation.startOf(file), "", "the file is larger than "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MiB", "split it into several files"));
            return Optional.empty();
        }
        Optional<String> text = decodeUtf8(file, bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try (YAMLParser parser = (YAMLParser) factory.createParser(text.get())) {
            if (parser.nextToken() == null) {
                problems.add(Problem.at(SourceLocation.startOf(file), "", "the file is empty",
                        "declare something in it, or delete it"));
                return Optional.empty();
            }
            TreeBuilder builder = new TreeBuilder(file, parser, problems);
            long rootMark = TreeBuilder.mark(parser);
            JsonNode root = builder.read(rootMark);
            if (root.isNull()) {
                problems.add(Problem.at(SourceLocation.startOf(file), "", "the file is empty",
                        "declare something in it, or delete it"));
                return Optional.empty();
            }
            if (parser.nextToken() != null) {
                problems.add(Problem.at(location(file, parser.currentTokenLocation()), "",
                        "the file holds more than one YAML document",
                        "keep one document per file: remove the '---' separator or split the file"));
                return Optional.empty();
            }
            return Optional.of(new YamlDocument(file, root, new SourceLocation(file, (int) (rootMark >>> 32), (int) rootMark)));
        } catch (AliasBomb bomb) {
            problems.add(Problem.at(bomb.location, "", "aliases expand to more than " + MAX_NODES
                    + " nodes; the file is refused as a YAML alias bomb", "write the values out, or use fewer nested aliases"));
        } catch (JsonProcessingException syntax) {
            problems.add(syntaxProblem(file, syntax));
        } catch (IOException | RuntimeException unreadable) {
            problems.add(Problem.at(SourceLocation.startOf(file), "", "cannot parse the file as YAML: "
                    + unreadable.getMessage()));
        }
        return Optional.empty();
    }

    private static Optional<String> decodeUtf8(Path file, byte[] bytes, List<Problem> problems) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)
                && ((bytes[1] & 0xFF) == 0xFF || (bytes[1] & 0xFF) == 0xFE)) {
            problems.add(Problem.at(SourceLocation.startOf(file), "", "the file is UTF-16, not UTF-8",
                    "save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8)"));
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int column = 1;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            problems.add(Problem.at(new SourceLocation(file, line, column), "",
                    String.format("the file is not valid UTF-8 (byte 0x%02X)", bytes[offset] & 0xFF),
                    "save it as UTF-8 (for example: iconv -f LATIN1 -t UTF-8)"));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }

    private static Problem syntaxProblem(Path file, JsonProcessingException syntax) {
        Throwable cause = syntax.getCause();
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            String what = Optional.ofNullable(marked.getProblem()).orElse("invalid YAML");
            String context = Optional.ofNullable(marked.getContext()).map(c -> " (" + c + ")").orElse("");
            return Problem.at(new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1), "",
                    "YAML syntax error: " + what + context,
                    "check the indentation and quoting on this line and the one before it");
        }
        return Problem.at(location(file, syntax.getLocation()), "", "YAML syntax error: " + syntax.getOriginalMessage(),
                "check the indentation and quoting on this line and the one before it");
    }

    static SourceLocation location(Path file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.startOf(file);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /**
     * Builds the tree from parser events, recording each entry's location in its located mapping or list
     * and expanding aliases within budget. The path to the current node is kept as a stack of names and
     * indexes, made into a pointer only for a problem.
     */
    private static final class TreeBuilder {
        private final Path file;
        private final YAMLParser parser;
        private final List<Problem> problems;
        private final Map<String, JsonNode> anchors = new HashMap<>();
        /**
         * One String per distinct key: a file of 10,000 mailboxes writes {@code userName} 10,000 times, and the
         * tree would otherwise hold (and the collector copy, while the file is read) each of them apart.
         */
        private final Map<String, String> names = new HashMap<>();
        /** Names (String), indexes (Integer) and values of a duplicate key (Duplicate) from the root down. */
        private final List<Object> path = new ArrayList<>();
        private int nodes;

        TreeBuilder(Path file, YAMLParser parser, List<Problem> problems) {
            this.file = file;
            this.parser = parser;
            this.problems = problems;
        }

        /** The line and column of the parser's current token, as {@link YamlDocument#mark} packs them. */
        static long mark(YAMLParser parser) {
            JsonLocation location = parser.currentTokenLocation();
            if (location == null || location.getLineNr() < 1) {
                return YamlDocument.mark(1, 1);
            }
            return YamlDocument.mark(location.getLineNr(), Math.max(1, location.getColumnNr()));
        }

        private SourceLocation at(long mark) {
            return new SourceLocation(file, (int) (mark >>> 32), (int) mark);
        }

        private String pointer() {
            StringBuilder pointer = new StringBuilder();
            for (Object token : path) {
                if (token instanceof Duplicate duplicate) {
                    pointer.setLength(0);
                    pointer.append(YamlDocument.child(duplicate.pointer, duplicate.name)).append("#duplicate");
                } else if (token instanceof Integer index) {
                    pointer.append('/').append(index);
                } else {
                    String parent = pointer.toString();
                    pointer.setLength(0);
                    pointer.append(YamlDocument.child(parent, (String) token));
                }
            }
            return pointer.toString();
        }

        /** Reads the value at the parser's current token, which starts at {@code here}. */
        JsonNode read(long here) throws IOException {
            if (parser.isCurrentAlias()) {
                String anchor = parser.getText();
                JsonNode target = anchors.get(anchor);
                if (target == null) {
                    problems.add(Problem.at(at(here), YamlDocument.fieldPath(pointer()), "alias *" + anchor
                            + " names no anchor defined before it", "define &" + anchor + " earlier in the file"));
                    return JsonNodeFactory.instance.nullNode();
                }
                count(size(target), here);
                return target.deepCopy();
            }
            String anchor = parser.getObjectId();
            JsonNode node = switch (parser.currentToken()) {
                case START_OBJECT -> readObject();
                case START_ARRAY -> readArray();
                case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
                case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
                case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
                default -> JsonNodeFactory.instance.nullNode();
            };
            count(1, here);
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private ObjectNode readObject() throws IOException {
            YamlDocument.LocatedObject object = new YamlDocument.LocatedObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = names.computeIfAbsent(parser.currentName(), n -> n);
                long keyMark = mark(parser);
                parser.nextToken();
                int first = object.indexOf(name);
                if (first >= 0) {
                    String parent = pointer();
                    String childPointer = YamlDocument.child(parent, name);
                    problems.add(Problem.at(at(keyMark), YamlDocument.fieldPath(childPointer),
                            "duplicate key '" + name + "'; it was first set at line " + (int) (object.mark(first) >>> 32),
                            "keep one of them: YAML would silently use only one"));
                    path.add(new Duplicate(parent, name));
                    read(mark(parser));
                    path.remove(path.size() - 1);
                    continue;
                }
                path.add(name);
                JsonNode value = read(mark(parser));
                path.remove(path.size() - 1);
                object.put(name, value, keyMark);
            }
            return object;
        }

        private ArrayNode readArray() throws IOException {
            YamlDocument.LocatedArray array = new YamlDocument.LocatedArray();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                long itemMark = mark(parser);
                path.add(index++);
                JsonNode item = read(itemMark);
                path.remove(path.size() - 1);
                array.add(item, itemMark);
            }
            return array;
        }

        private void count(int added, long where) {
            nodes += added;
            if (nodes > MAX_NODES) {
                throw new AliasBomb(at(where));
            }
        }

        private static int size(JsonNode node) {
            int size = 1;
            for (JsonNode child : node) {
                size += size(child);
            }
            return size;
        }

        /** The value of a key written a second time: read, and dropped. */
        private record Duplicate(String pointer, String name) {
        }
    }

    private static final class AliasBomb extends RuntimeException {
        final transient SourceLocation location;

        AliasBomb(SourceLocation location) {
            super(null, null, false, false);
            this.location = location;
        }
    }
}
