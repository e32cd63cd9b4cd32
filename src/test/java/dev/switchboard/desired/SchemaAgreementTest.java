package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schemas in schemas/ and the Java loader describe the same files. */
class SchemaAgreementTest {

    /** Every variable the enterprise example names, with a made-up value. */
    private static final Map<String, String> ENTERPRISE_ENV = Map.of(
            "OLX_CLIENT_ID", "id", "OLX_CLIENT_SECRET", "secret", "OLX_USER", "user", "OLX_PASSWORD", "pw",
            "XCI_LOGIN", "login", "XCI_PASSWORD", "pw", "CTI_ADA", "a", "CTI_ALAN", "b",
            "XCI_PARIS_ADMIN_PASSWORD", "c");

    @Test
    void everyExampleValidatesAndLoads() throws Exception {
        try (Stream<Path> examples = Files.list(Fixtures.EXAMPLES)) {
            for (Path example : examples.sorted().toList()) {
                LoadResult result = Fixtures.load(example, ENTERPRISE_ENV);
                assertThat(result.problems()).as(example.toString()).isEmpty();
                assertThat(result.requireValid().objectCount()).as(example.toString()).isPositive();
            }
        }
    }

    @Test
    void theEnterpriseExampleIsRealisticInSize() {
        DesiredState state = Fixtures.load(Fixtures.EXAMPLES.resolve("enterprise"), ENTERPRISE_ENV).requireValid();
        assertThat(state.resourcesOf("olx-hq").all().stream().filter(r -> r.kind().name().equals("mailbox")))
                .hasSizeGreaterThan(24);
        assertThat(state.resourcesOf("xci-france").all().stream().filter(r -> r.kind().name().equals("xivo")))
                .hasSize(2);
    }

    @Test
    void theLoaderReadsEverySchemaPropertyAndNoOther() {
        Path dir = Fixtures.desired("every-field");
        Map<String, Set<String>> read = Fixtures.loader()
                .propertiesRead(dir, Fixtures.secrets(dir, Map.of("EVERY_FIELD_PASSWORD", "x")));
        Map<String, Set<String>> declared = new TreeMap<>();
        Schemas schemas = Fixtures.loader().schemas();
        for (String schema : schemas.names()) {
            JsonNode tree = schema.equals(Schemas.CONFIG) ? Schemas.shipped(schema).orElseThrow() : schemas.tree(schema);
            declared.put(schema, propertyNames(tree));
            tree.path("$defs").fields().forEachRemaining(def -> {
                Set<String> names = propertyNames(def.getValue());
                if (!names.isEmpty()) {
                    declared.merge(def.getKey(), names, (a, b) -> {
                        Set<String> union = new TreeSet<>(a);
                        union.addAll(b);
                        return union;
                    });
                }
            });
        }
        Map<String, Set<String>> readOfDeclared = new HashMap<>();
        declared.keySet().forEach(def -> readOfDeclared.put(def, new TreeSet<>(read.getOrDefault(def, Set.of()))));
        assertThat(readOfDeclared).isEqualTo(declared);
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!p.getValue().isBoolean()) {
                names.add(p.getKey());
            }
        });
        return names;
    }
}
