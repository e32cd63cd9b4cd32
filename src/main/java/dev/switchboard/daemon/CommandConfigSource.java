package dev.switchboard.daemon;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Quarkus settings that depend on the subcommand, read from the process's command line (the jar or main class,
 * the top command's options, then the subcommand):
 * <ul>
 *   <li>the HTTP server and the scheduler ({@code quarkus.http.host-enabled}, {@code quarkus.scheduler.enabled})
 *       run for {@code switchboard serve} only: every other command must open no port and run no background job
 *       (the daemon's tick, firing while a short command shut down, printed a stack trace after {@code --help}),
 *       yet Quarkus starts both whenever their extensions are present;</li>
 *   <li>every other command runs its REST clients on one Vert.x event loop for each two processors
 *       ({@code quarkus.vertx.event-loops-pool-size}) instead of Quarkus's two for each processor, the size of a
 *       server's pool: a command's calls are made from its own threads, one blocking call each, and the event loops
 *       only move their bytes. On 2 cores the no-change plan of the large scenario ({@code bench/large}) spent
 *       6.5-6.7 s of CPU with one loop and 7.1-7.4 s with four, and its create apply 17.8 s and 20.1 s;
 *       {@code serve} keeps Quarkus's pool for its endpoints and its fleet of targets.</li>
 * </ul>
 * Its ordinal (50) is below {@code application.properties}, so the environment, system properties and test
 * profiles still decide when they say something. Registered in {@code META-INF/services}; it is no CDI bean
 * because config is read before CDI starts.
 */
public final class CommandConfigSource implements ConfigSource {

    static final String HOST_ENABLED = "quarkus.http.host-enabled";
    static final String SCHEDULER_ENABLED = "quarkus.scheduler.enabled";
    static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";
    private static final int ORDINAL = 50;
    private static final Set<String> PRINT_ONLY_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private final Map<String, String> properties;

    public CommandConfigSource() {
        this(System.getProperty("sun.java.command", ""), Runtime.getRuntime().availableProcessors());
    }

    CommandConfigSource(String javaCommand, int processors) {
        boolean serve = isServe(javaCommand);
        Map<String, String> values = new HashMap<>();
        values.put(HOST_ENABLED, Boolean.toString(serve));
        values.put(SCHEDULER_ENABLED, Boolean.toString(serve));
        if (!serve) {
            values.put(EVENT_LOOPS, Integer.toString(Math.max(1, processors / 2)));
        }
        this.properties = Map.copyOf(values);
    }

    static boolean isServe(String javaCommand) {
        List<String> tokens = Arrays.stream(javaCommand.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
        // Help and version only print, and must work while another process holds the port.
        return subcommand(tokens).filter("serve"::equals).isPresent()
                && tokens.stream().noneMatch(PRINT_ONLY_OPTIONS::contains);
    }

    /**
     * tokens[0] is the jar or the main class; the subcommand follows it and the top command's own options, which
     * picocli takes before it as well ({@code switchboard -v serve}, {@code --log-level debug serve}).
     */
    private static Optional<String> subcommand(List<String> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--log-level")) {
                i++;
            } else if (!token.equals("-v") && !token.equals("--verbose") && !token.startsWith("--log-level=")) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "switchboard-per-command";
    }
}
