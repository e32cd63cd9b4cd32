package dev.switchboard.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes live objects as a resource file in the nested format people write (SPEC section 2), so an
 * existing server can be adopted: the file loads with {@link DesiredStateLoader} and plans to no
 * changes. Secret values are never written: a live secret becomes an {@code ${env:NAME}} reference,
 * and so does a write-only password, which the API never returns.
 */
public final class DesiredStateWriter {

    /** The file's text and what a person must still do before it plans cleanly. */
    public record Export(String yaml, List<String> notes) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private DesiredStateWriter() {
    }

    /** @param format the file format of the target's system, whose writer nests the live objects */
    public static Export write(ResourceFileFormat format, TargetSpec target, ResourceSet live, String exportedAt) {
        if (!format.targetKind().equals(target.kind())) {
            throw new IllegalArgumentException("target " + target.name() + " is of kind " + target.kind()
                    + ", not " + format.targetKind());
        }
        List<String> notes = new ArrayList<>();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("target", target.name());
        document.putAll(format.writer().write(target, live, notes));
        String header = "# yaml-language-server: $schema=../schemas/" + format.schemaName() + ".schema.json\n"
                + "# Exported by 'switchboard export' from target " + target.name() + " on " + exportedAt + ".\n";
        try {
            return new Export(header + YAML.writeValueAsString(document), notes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write YAML", e);
        }
    }

    /** The named fields of {@code resource} that it has, in the order named: an exporter's building block. */
    public static Map<String, Object> pick(Resource resource, String... fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            resource.field(field).ifPresent(value -> out.put(field, value));
        }
        return out;
    }

    /** An environment variable name made of its parts: {@code CTI_PASSWORD_XIVO_PARIS_1701}. */
    public static String envName(String... parts) {
        return String.join("_", parts).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }
}
