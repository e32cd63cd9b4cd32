package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@link YamlDocument#locationOf} says a node was written, now that the locations live in the located
 * mappings and lists the reader builds, resolved only when asked: what the map from every pointer said.
 */
class YamlLocationsTest {

    private static final Path FILE = Path.of("acme.yaml");

    private static YamlDocument read(String yaml) {
        List<Problem> problems = new ArrayList<>();
        YamlDocument document = new YamlReader().read(FILE, yaml.getBytes(StandardCharsets.UTF_8), problems).orElseThrow();
        assertThat(problems).isEmpty();
        return document;
    }

    private static String at(YamlDocument document, String pointer) {
        SourceLocation location = document.locationOf(pointer);
        assertThat(location.file()).isEqualTo(FILE);
        return location.line() + ":" + location.column();
    }

    @Test
    void aMappingEntryIsWhereItsKeyIsAndAListItemWhereItStarts() {
        YamlDocument document = read("""
                target: olx
                companies:
                  - name: Acme
                    mailboxes:
                      - number: "1001"
                        addresses: [ { type: 0 }, { type: 1 } ]
                """);
        assertThat(at(document, "")).isEqualTo("1:1");
        assertThat(at(document, "/target")).isEqualTo("1:1");
        assertThat(at(document, "/companies")).isEqualTo("2:1");
        assertThat(at(document, "/companies/0")).isEqualTo("3:5");
        assertThat(at(document, "/companies/0/name")).isEqualTo("3:5");
        assertThat(at(document, "/companies/0/mailboxes/0/number")).isEqualTo("5:9");
        assertThat(at(document, "/companies/0/mailboxes/0/addresses/1")).isEqualTo("6:35");
        assertThat(at(document, "/companies/0/mailboxes/0/addresses/1/type")).isEqualTo("6:37");
    }

    @Test
    void aKeyWrittenInManyMappingsIsHeldOnceAndEachStillHasItsOwnLocation() {
        YamlDocument document = read("""
                mailboxes:
                  - { number: "1001", userName: ada }
                  - number: "1002"
                    userName: alan
                """);
        List<String> first = new ArrayList<>();
        document.root().get("mailboxes").get(0).fieldNames().forEachRemaining(first::add);
        List<String> second = new ArrayList<>();
        document.root().get("mailboxes").get(1).fieldNames().forEachRemaining(second::add);
        assertThat(second).containsExactlyElementsOf(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("the tree of a large file holds one String per distinct key").isSameAs(first.get(i));
        }
        assertThat(at(document, "/mailboxes/0/userName")).isEqualTo("2:23");
        assertThat(at(document, "/mailboxes/1/userName")).isEqualTo("4:5");
    }

    @Test
    void whatIsNotInTheDocumentIsAtItsNearestAncestor() {
        YamlDocument document = read("""
                companies:
                  - name: Acme
                    pbx: 1
                """);
        assertThat(at(document, "/companies/0/mailboxes")).isEqualTo("2:5");
        assertThat(at(document, "/companies/0/mailboxes/3/number")).isEqualTo("2:5");
        assertThat(at(document, "/companies/7")).isEqualTo("1:1");
        assertThat(at(document, "/companies/01")).as("not an index").isEqualTo("1:1");
        assertThat(at(document, "/companies/0/pbx/x")).as("below a scalar").isEqualTo("3:5");
        assertThat(at(document, "/nothing")).isEqualTo("1:1");
    }

    @Test
    void whatAnAliasCopiedIsAtTheAlias() {
        YamlDocument document = read("""
                defaults: &d
                  ringingTime: 30
                  callerId:
                    mode: anonymous
                users:
                  - name: a
                    settings: *d
                """);
        assertThat(at(document, "/defaults/callerId/mode")).isEqualTo("4:5");
        assertThat(at(document, "/users/0/settings")).isEqualTo("7:5");
        assertThat(at(document, "/users/0/settings/callerId/mode")).isEqualTo("7:5");
        assertThat(document.root().at("/users/0/settings/callerId/mode").asText()).isEqualTo("anonymous");
    }

    @Test
    void keysWithSlashesTildesDigitsOrNothingAreFoundByTheirEscapedPointer() {
        YamlDocument document = read("""
                ignore:
                  a/b: 1
                  c~d: 2
                  "7": 3
                  "": 4
                """);
        assertThat(at(document, "/ignore/a~1b")).isEqualTo("2:3");
        assertThat(at(document, "/ignore/c~0d")).isEqualTo("3:3");
        assertThat(at(document, "/ignore/7")).isEqualTo("4:3");
        assertThat(at(document, "/ignore/")).isEqualTo("5:3");
    }

    @Test
    void aLargeMappingIsSearchedByName() {
        StringBuilder yaml = new StringBuilder("settings:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  key").append(i).append(": ").append(i).append('\n');
        }
        YamlDocument document = read(yaml.toString());
        assertThat(at(document, "/settings/key0")).isEqualTo("2:3");
        assertThat(at(document, "/settings/key39")).isEqualTo("41:3");
        assertThat(at(document, "/settings/key40")).isEqualTo("1:1");
    }

    @Test
    void anObjectReadFromAListKnowsItsPlaceAndItsFields() {
        YamlDocument document = read("""
                target: olx
                companies:
                  - name: Acme
                    departments: [ { name: Sales }, { name: EMEA } ]
                """);
        LoadContext context = new LoadContext(SecretResolver.fromProcessEnvironment(Path.of(".")), java.util.Set.of());
        YamlObject root = new YamlObject(document, "", "x", context);
        YamlObject company = root.objects("companies", "company").get(0);
        assertThat(company.location().line()).isEqualTo(3);
        assertThat(company.locationOf("name").column()).isEqualTo(5);
        assertThat(company.locationOf("pbx")).as("absent: the company").isEqualTo(company.location());
        assertThat(company.locationOf("departments", 1)).isEqualTo(new SourceLocation(FILE, 4, 37));
        assertThat(company.locationOf("departments", 5)).as("no such item: the list").isEqualTo(new SourceLocation(FILE, 4, 5));
        assertThat(company.objects("departments", "department").get(1).locationOf("name"))
                .isEqualTo(new SourceLocation(FILE, 4, 39));
    }
}
