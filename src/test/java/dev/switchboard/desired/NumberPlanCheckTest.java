package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.numberPlan as validate checks it: offline, over what the files declare. */
class NumberPlanCheckTest {

    @TempDir
    Path dir;

    private static final String TARGETS = """
            targets:
              olx-main:
                kind: officelinx
                url: embedded
                auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
              xci-paris:
                kind: xci
                url: embedded
                auth: { login: admin, password: admin }
              xivo-lyon:
                kind: xivo-ws
                url: embedded
                auth: { login: admin, password: admin }
            """;

    private static final String XCI = """
            target: xci-paris
            xivos:
              - { name: xivo-paris, host: 10.0.0.220 }
            templates:
              - { name: Standard line, xivos: [xivo-paris], entities: [acme@xivo-paris], peerSipName: auto, ringingTime: 30, routedInbound: false, callerIdMode: anonymous, voiceMailEnabled: false }
            entities:
              - name: acme
                xivo: xivo-paris
                intervals: [ { start: "1000", end: "1999" } ]
                users:
                  - { internalNumber: "1001", firstName: Alice, lastName: Liddell, template: Standard line }
                  - { internalNumber: "1002", firstName: Bob, lastName: Marley, template: Standard line }
            """;

    private static final String XIVO = """
            target: xivo-lyon
            lines:
              - { context: default, number: "1002", protocol: sip, name: reh58f }
              - { context: default, number: "2500", protocol: sip, name: k2lq7z }
            """;

    private static final String OLX = """
            target: olx-main
            companies:
              - name: Acme
                featureGroups: [ { number: 56, name: Standard } ]
                mailboxes:
                  - { number: "1001", userName: alice@acme.example, firstName: Alice, lastName: Liddell, featureGroup: 56 }
                  - { number: "1003", userName: carol@acme.example, firstName: Carol, lastName: Danvers, featureGroup: 56 }
            """;

    private List<String> problems(String numberPlan) throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), "apiVersion: switchboard/v1\nsettings:\n" + numberPlan + TARGETS);
        Files.writeString(dir.resolve("xci.yaml"), XCI);
        Files.writeString(dir.resolve("xivo.yaml"), XIVO);
        Files.writeString(dir.resolve("olx.yaml"), OLX);
        LoadResult result = Fixtures.loader().load(dir, Fixtures.secrets(dir, Map.of()));
        return result.problems().stream().map(Problem::render).toList();
    }

    @Test
    void anExtensionOwnedOnTwoServersIsReportedWithBothPlaces() throws IOException {
        List<String> problems = problems("""
                  numberPlan:
                    - { name: paris, targets: [xci-paris, xivo-lyon] }
                """);
        assertThat(problems).containsExactly("xivo.yaml:3:5: extension 1002 of number plan paris is owned twice: by line"
                + " default/1002 of target xivo-lyon here, and by user xivo-paris/1002 of target xci-paris at xci.yaml:12:9"
                + System.lineSeparator() + "  hint: an extension is dialled on one server only: renumber one of them");
    }

    @Test
    void anExtensionOutsideTheRangesNamesItsPlaceAndTheRanges() throws IOException {
        List<String> problems = problems("""
                  numberPlan:
                    - name: lyon
                      targets: [xivo-lyon]
                      ranges: ["1000-1999", "4000"]
                """);
        assertThat(problems).singleElement().asString()
                .startsWith("xivo.yaml:4:5: extension 2500 (line default/2500 of target xivo-lyon) is outside the ranges"
                        + " of number plan lyon (1000-1999, 4000, at switchboard.yaml:4:7)");
    }

    @Test
    void aMailboxIsAnExtensionOfItsScopeAndWithRequiredEveryExtensionHasOne() throws IOException {
        List<String> problems = problems("""
                  numberPlan:
                    - { name: paris, targets: [xci-paris, olx-main], mailboxes: required }
                """);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("olx.yaml:7:9: mailbox 1003 (mailbox Acme/1003 of target olx-main) is no"
                + " extension of number plan paris (at switchboard.yaml:4:7): none of its targets (xci-paris, olx-main)"
                + " declares extension 1003");
        assertThat(problems.get(1)).startsWith("xci.yaml:12:9: extension 1002 (user xivo-paris/1002 of target xci-paris)"
                + " has no mailbox, and number plan paris (at switchboard.yaml:4:7) has mailboxes: required");
    }

    @Test
    void optionalMailboxesAndDistinctNumbersAreValid() throws IOException {
        assertThat(problems("""
                  numberPlan:
                    - { name: paris, targets: [xci-paris], ranges: ["1000-1099"], mailboxes: optional }
                    - { name: lyon, targets: [xivo-lyon], ranges: ["1000-2999"] }
                """)).isEmpty();
    }

    @Test
    void theNumberPlanItselfIsCheckedWithFileLineAndField() throws IOException {
        List<String> problems = problems("""
                  numberPlan:
                    - { name: paris, targets: [xci-pari, olx-main], ranges: ["1999-1000"] }
                    - { name: lyon, targets: [olx-main], ranges: ["1000 - 1999", "x"] }
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchboard.yaml:4:32:"
                + " settings.numberPlan[0].targets[0]: target 'xci-pari' of number plan paris is not declared under targets:")
                .contains("hint: did you mean 'xci-paris'?"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchboard.yaml:4:62: settings.numberPlan[0].ranges[0]:"
                + " '1999-1000' is not a range of numbers"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchboard.yaml:5:31: settings.numberPlan[1].targets[0]:"
                + " target olx-main is in two number plans: here and at switchboard.yaml:4:42"));
        assertThat(problems.stream().filter(p -> p.contains("settings.numberPlan[1].ranges[1]"))).singleElement()
                .asString().contains("'x' is not in the form this field takes");
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("1000 - 1999"));
    }

    @Test
    void rangesCompareAsAPhoneDialsThem() {
        NumberPlan.Range range = NumberPlan.Range.parse("1000-1999").orElseThrow();
        assertThat(range.contains("1000")).isTrue();
        assertThat(range.contains("1999")).isTrue();
        assertThat(range.contains("2000")).isFalse();
        assertThat(range.contains("01500")).isFalse();
        assertThat(range.contains("999")).isFalse();
        assertThat(range.contains("1a00")).isFalse();
        assertThat(NumberPlan.Range.parse("0100-0199").orElseThrow().contains("0142")).isTrue();
        assertThat(NumberPlan.Range.parse("2000-1000")).isEmpty();
    }
}
