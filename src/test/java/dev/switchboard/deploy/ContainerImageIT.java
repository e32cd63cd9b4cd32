package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image that {@code mvn verify -Pimage} builds with Jib into {@code target/switchboard-image.tar},
 * read from the tarball as a container runtime would: its configuration (user, entrypoint, environment,
 * port) and the files of its layers. Each assertion is one of the traps of issue 16: root, no writable
 * HOME or data directory, no memory bound, a host build copied in.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode config;
    private static final Map<String, TarArchiveEntry> files = new HashMap<>();
    private static final Map<String, String> smallFiles = new HashMap<>();

    @BeforeAll
    static void readTheTarball() throws IOException {
        Path tarball = Path.of("target/switchboard-image.tar");
        assertThat(tarball).as("mvn -Pimage package builds it").exists();
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        config = JSON.readTree(entries.get(manifest.get("Config").asText()));
        for (JsonNode layer : manifest.get("Layers")) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new GZIPInputStream(new ByteArrayInputStream(entries.get(layer.asText()))))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String name = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                    files.put(name, entry);
                    if (entry.isFile() && entry.getSize() < 64 * 1024) {
                        smallFiles.put(name, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return list;
    }

    @Test
    void runsTheLauncherAsANumericNonRootUserServingOnPort8080() {
        JsonNode container = config.get("config");
        assertThat(container.get("User").asText()).isEqualTo("10001:0");
        assertThat(strings(container.get("Entrypoint"))).containsExactly("/opt/switchboard/bin/switchboard");
        assertThat(strings(container.get("Cmd"))).containsExactly("serve");
        assertThat(container.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(strings(container.get("Env"))).contains("HOME=/var/lib/switchboard",
                "SWITCHBOARD_DATA_DIR=/var/lib/switchboard", "SWITCHBOARD_MAX_RAM_PERCENTAGE=75");
    }

    @Test
    void holdsTheQuarkusApplicationOnceAndTheLaunchersExecutable() {
        assertThat(files).containsKeys("/opt/switchboard/app/quarkus-run.jar", "/opt/switchboard/app/lib/main",
                "/opt/switchboard/app/quarkus/quarkus-application.dat");
        // The classes the application loads beside Quarkus's start-up, from the list the build recorded.
        assertThat(files).containsKey("/opt/switchboard/app/quarkus-run.classes");
        assertThat(files.get("/opt/switchboard/app/quarkus-run.classes").getSize()).isPositive();
        assertThat(files.keySet()).as("Jib's own /app layers are filtered out").noneMatch(name -> name.startsWith("/app/"));
        assertThat(files.keySet()).as("the build machine's class data archive, and the name of the java that wrote it, stay out")
                .noneMatch(name -> name.contains(".jsa"));
        for (String launcher : List.of("/opt/switchboard/bin/switchboard", "/opt/switchboard/bin/switchboard-ci")) {
            assertThat(files.get(launcher).getMode() & 0777).as(launcher).isEqualTo(0755);
        }
        // The JVM's heap is bounded by the container's memory limit, not by the node's memory.
        assertThat(smallFiles.get("/opt/switchboard/bin/switchboard"))
                .contains("-XX:MaxRAMPercentage=\"${SWITCHBOARD_MAX_RAM_PERCENTAGE:-75}\"")
                .contains("-jar \"$app/quarkus-run.jar\"");
        // and the options it sources for every command but serve: a plan in a CI job is a short command.
        assertThat(smallFiles.get("/opt/switchboard/bin/jvm-options")).as("the launcher sources it from beside itself")
                .contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC");
    }

    @Test
    void theDataDirectoryAndHomeAreWritableByTheImagesUser() {
        TarArchiveEntry data = files.get("/var/lib/switchboard");
        assertThat(data).as("/var/lib/switchboard exists in the image").isNotNull();
        assertThat(data.isDirectory()).isTrue();
        // Jib makes every file root's; the user's group 0 writes the directory, as OpenShift's random UIDs do.
        assertThat(data.getLongGroupId()).isZero();
        assertThat(data.getMode() & 0070).isEqualTo(0070);
    }

    @Test
    void carriesNoLocalStateOrCredentials() {
        assertThat(files.keySet()).noneMatch(name -> name.contains("/.switchboard") || name.contains("/target/")
                || name.endsWith(".key") || name.contains("/secrets/"));
    }
}
