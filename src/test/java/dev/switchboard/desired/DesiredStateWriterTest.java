package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generic half of export: the header, the target line, the format's body, and the helpers exporters use. */
class DesiredStateWriterTest {

    private static final ResourceKind THING = ResourceKind.of("acme-pbx", "thing");
    private static final TargetSpec TARGET = new TargetSpec("pbx-1", "acme-pbx", "embedded", Map.of(), Map.of(),
            TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
    private static final ResourceFileFormat FORMAT = new ResourceFileFormat("acme-pbx", List.of(THING),
            (root, context) -> { }, (target, live, notes) -> {
                notes.add("set ${env:" + DesiredStateWriter.envName("THING", target.name(), "PIN") + "}");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("things", live.ofKind(THING).stream().map(r -> (Object) DesiredStateWriter.pick(r, "name", "size")).toList());
                return body;
            }, (target, literal, auth, options) -> { });

    @Test
    void writesTheTargetThenTheFormatsBodyUnderASchemaHeader() {
        Resource thing = Resource.live(ResourceKey.of(THING, "a"), "7",
                Map.of("name", "a", "size", 3L, "pin", Secret.fromLive("1234")), Set.of());
        DesiredStateWriter.Export export = DesiredStateWriter.write(FORMAT, TARGET, ResourceSet.of("pbx-1", List.of(thing)), "today");
        assertThat(export.yaml()).startsWith("# yaml-language-server: $schema=../schemas/acme-pbx.schema.json\n"
                + "# Exported by 'switchboard export' from target pbx-1 on today.\n");
        assertThat(export.yaml()).contains("target: pbx-1\nthings:\n  - name: a\n    size: 3\n").doesNotContain("1234");
        assertThat(export.notes()).containsExactly("set ${env:THING_PBX_1_PIN}");
    }

    @Test
    void refusesTheFormatOfAnotherKind() {
        TargetSpec other = new TargetSpec("x", "other", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
        assertThatThrownBy(() -> DesiredStateWriter.write(FORMAT, other, ResourceSet.empty("x"), "today"))
                .hasMessageContaining("of kind other, not acme-pbx");
    }

    @Test
    void namesEnvironmentVariablesFromTheirParts() {
        assertThat(DesiredStateWriter.envName("CTI", "xivo-paris", "1701", "PASSWORD")).isEqualTo("CTI_XIVO_PARIS_1701_PASSWORD");
        assertThat(DesiredStateWriter.envName("XCI", "ops.team@corp", "PASSWORD")).isEqualTo("XCI_OPS_TEAM_CORP_PASSWORD");
    }
}
