package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The core stays pure and layered: diff -> model; plan -> model, diff; render -> model, diff, plan. */
class PureCoreTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/switchboard");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("dev\\.switchboard\\.(\\w+)\\.[A-Z]");
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "diff", List.of("model", "diff"),
            "plan", List.of("model", "diff", "plan"),
            "render", List.of("model", "diff", "plan", "render"));

    @ParameterizedTest
    @ValueSource(strings = {"diff", "plan", "render"})
    void importsOnlyTheJdkJacksonAndTheLayersBelow(String layer) throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve(layer))) {
            for (Path file : files.toList()) {
                String source = Files.readString(file);
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    String name = imports.group(1);
                    assertThat(name.startsWith("java.") || name.startsWith("com.fasterxml.jackson.")
                            || ALLOWED.get(layer).stream().anyMatch(p -> name.startsWith("dev.switchboard." + p + ".")))
                            .as(file + " imports " + name).isTrue();
                }
                Matcher qualified = QUALIFIED.matcher(source);
                while (qualified.find()) {
                    assertThat(ALLOWED.get(layer)).as(file + " names " + qualified.group()).contains(qualified.group(1));
                }
            }
        }
    }
}
