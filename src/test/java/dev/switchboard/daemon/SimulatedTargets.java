package dev.switchboard.daemon;

import dev.switchboard.sim.RequestLog;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.InstalledSystems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Many Officelinx targets, each a simulator of its own on loopback behind a {@link RequestLog}, and a
 * desired-state directory that declares them ({@code t00}, {@code t01}, ...), each with company Acme and
 * {@code mailboxes} mailboxes: what the fleet tests reconcile without Git or CDI.
 */
final class SimulatedTargets implements AutoCloseable {

    final Path dir;
    final Map<String, SimServer> servers = new LinkedHashMap<>();
    final Map<String, RequestLog> logs = new LinkedHashMap<>();

    SimulatedTargets(int targets, int mailboxes, Duration latency) {
        try {
            dir = Files.createTempDirectory("switchboard-fleet-test");
            for (int i = 0; i < targets; i++) {
                String name = String.format("t%02d", i);
                RequestLog log = new RequestLog(InstalledSystems.all().find("officelinx").orElseThrow()
                        .simulator(SimCredentials.DEFAULT));
                SimServer server = SimServer.start(SimOptions.DEFAULT.withLatency(latency), log);
                servers.put(name, server);
                logs.put(name, log);
            }
            pin(Map.of());
            writeMailboxes(mailboxes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code switchboard.yaml}, each target of {@code pins} with {@code shard: K}. */
    void pin(Map<String, Integer> pins) {
        StringBuilder yaml = new StringBuilder("apiVersion: switchboard/v1\nsettings:\n  parallelism: 2\ntargets:\n");
        servers.forEach((name, server) -> {
            yaml.append("  ").append(name).append(":\n    kind: officelinx\n    url: ").append(server.baseUri())
                    .append("\n    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }\n");
            if (pins.containsKey(name)) {
                yaml.append("    shard: ").append(pins.get(name)).append('\n');
            }
        });
        try {
            Files.writeString(dir.resolve("switchboard.yaml"), yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Declares {@code count} mailboxes, 1001 on, in every target. */
    void writeMailboxes(int count) {
        try {
            Files.createDirectories(dir.resolve("officelinx"));
            for (String target : servers.keySet()) {
                StringBuilder yaml = new StringBuilder("target: ").append(target)
                        .append("\ncompanies:\n  - name: Acme\n    pbx: 1\n    featureGroups:\n      - { number: 56, name: Standard }\n"
                                + "    mailboxes:\n");
                for (int m = 0; m < count; m++) {
                    String number = Integer.toString(1001 + m);
                    yaml.append("      - { number: \"").append(number).append("\", userName: u").append(number)
                            .append("@acme.example, firstName: U, lastName: \"").append(number)
                            .append("\", featureGroup: 56 }\n");
                }
                Files.writeString(dir.resolve("officelinx").resolve(target + ".yaml"), yaml.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> names() {
        return new ArrayList<>(servers.keySet());
    }

    Revision revision(String commit) {
        return new Revision(commit, dir, "");
    }

    @Override
    public void close() {
        servers.values().forEach(SimServer::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
