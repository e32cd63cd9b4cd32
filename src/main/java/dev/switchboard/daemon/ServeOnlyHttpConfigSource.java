package dev.switchboard.daemon;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns Quarkus's HTTP server and scheduler on for {@code switchboard serve} only: every other command
 * must open no port and run no background job (the daemon's tick, firing while a short command shut
 * down, printed a stack trace after {@code --help}), yet Quarkus starts both whenever their extensions
 * are present. Answers {@code quarkus.http.host-enabled} and {@code quarkus.scheduler.enabled} from the
 * process's command line, whose first argument after the
 * jar or main class is the subcommand. Its ordinal (50) is below {@code application.properties}, so
 * the environment, system properties and test profiles still decide when they say something.
 * Registered in {@code META-INF/services}; it is no CDI bean because config is read before CDI starts.
 */
public final class ServeOnlyHttpConfigSource implements ConfigSource {

    static final String HOST_ENABLED = "quarkus.http.host-enabled";
    static final String SCHEDULER_ENABLED = "quarkus.scheduler.enabled";
    private static final int ORDINAL = 50;
    private static final Set<String> PRINT_ONLY_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private final boolean serve;

    public ServeOnlyHttpConfigSource() {
        this(System.getProperty("sun.java.command", ""));
    }

    ServeOnlyHttpConfigSource(String javaCommand) {
        this.serve = isServe(javaCommand);
    }

    static boolean isServe(String javaCommand) {
        List<String> tokens = Arrays.stream(javaCommand.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
        // tokens[0] is the jar or the main class; the subcommand comes right after it. Help and version
        // only print, and must work while another process holds the port.
        return tokens.size() >= 2 && tokens.get(1).equals("serve")
                && tokens.stream().noneMatch(PRINT_ONLY_OPTIONS::contains);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(HOST_ENABLED, Boolean.toString(serve), SCHEDULER_ENABLED, Boolean.toString(serve));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(HOST_ENABLED, SCHEDULER_ENABLED);
    }

    @Override
    public String getValue(String propertyName) {
        return HOST_ENABLED.equals(propertyName) || SCHEDULER_ENABLED.equals(propertyName) ? Boolean.toString(serve) : null;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "switchboard-serve-only-http";
    }
}
