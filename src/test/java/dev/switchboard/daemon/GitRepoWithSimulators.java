package dev.switchboard.daemon;

import dev.switchboard.systems.InstalledSystems;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.sim.Simulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real Git repository in a temporary directory, made with JGit from {@code src/test/resources/daemon/desired},
 * whose two targets point at an Officelinx and an XCI simulator running on loopback; the daemon is
 * configured to follow its {@code main} branch. Init arguments: {@code mode}, {@code poll},
 * {@code git-url} to point the daemon at a remote that does not exist instead, {@code hold-xci-creates}
 * ({@code true}) to put the XCI simulator behind {@link HeldAnswers} for its administrators' creates, and
 * {@code notify-environment}: the notification service the daemon's environment configures, posting to
 * {@link DaemonFixture#notifications}: {@code webhook} (the default, at {@code /switchboard}, signed with
 * {@link #NOTIFY_SECRET}) or {@code slack} (at {@code /environment-slack}).
 */
public class GitRepoWithSimulators implements QuarkusTestResourceLifecycleManager {

    static final String WEBHOOK_SECRET = "webhook-secret-for-tests";
    static final String API_TOKEN = "api-token-for-tests";
    static final String NOTIFY_SECRET = "notify-secret-for-tests";

    private Map<String, String> args = Map.of();
    private Path temp;
    private DaemonFixture fixture;

    @Override
    public void init(Map<String, String> initArgs) {
        args = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            temp = Files.createTempDirectory("switchboard-daemon-test");
            SimOptions options = SimOptions.DEFAULT;
            SimServer olx = SimServer.start(options,
                    InstalledSystems.all().find("officelinx").orElseThrow().simulator(SimCredentials.DEFAULT));
            Simulator xciSimulator = InstalledSystems.all().find("xci").orElseThrow().simulator(SimCredentials.DEFAULT);
            HeldAnswers held = null;
            if (Boolean.parseBoolean(args.get("hold-xci-creates"))) {
                held = new HeldAnswers(xciSimulator, "POST", ".*/administrators/?");
                xciSimulator = held;
            }
            SimServer xci = SimServer.start(options, xciSimulator);
            Path origin = temp.resolve("origin");
            Git git = Git.init().setInitialBranch("main").setDirectory(origin.toFile()).call();
            copyDesiredState(Path.of("src/test/resources/daemon/desired"), origin, olx, xci);
            fixture = new DaemonFixture(git, olx, xci, temp.resolve("data"));
            fixture.xciCreates = held;
            fixture.notifications = new Receiver();
            RevCommit first = fixture.commitAll("Desired state for Acme and Paris");
            fixture.firstCommit = first.name();

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.http.host-enabled", "true");
            config.put("quarkus.scheduler.enabled", "true");
            config.put("switchboard.autostart", "true");
            config.put("switchboard.git.url", args.getOrDefault("git-url", origin.toString()));
            config.put("switchboard.data-dir", fixture.dataDir.toString());
            config.put("switchboard.mode", args.getOrDefault("mode", "drift"));
            config.put("switchboard.git.poll", args.getOrDefault("poll", "1h"));
            config.put("switchboard.interval", "1h");
            config.put("switchboard.retry-initial", "1h");
            config.put("switchboard.webhook-secret", WEBHOOK_SECRET);
            config.put("switchboard.api-token", API_TOKEN);
            if (args.getOrDefault("notify-environment", "webhook").equals("slack")) {
                config.put("switchboard.notify.slack.url", fixture.notifications.uri("/environment-slack").toString());
            } else {
                config.put("switchboard.notify.webhook.url", fixture.notifications.uri("/switchboard").toString());
                config.put("switchboard.notify.webhook.secret", NOTIFY_SECRET);
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the daemon's Git repository and simulators", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fixture, new TestInjector.MatchesType(DaemonFixture.class));
    }

    @Override
    public void stop() {
        if (fixture != null) {
            fixture.close();
        }
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyDesiredState(Path from, Path to, SimServer olx, SimServer xci) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file)
                        .replace("@OLX_URL@", olx.baseUri().toString())
                        .replace("@XCI_URL@", xci.baseUri().toString()));
            }
        }
    }
}
