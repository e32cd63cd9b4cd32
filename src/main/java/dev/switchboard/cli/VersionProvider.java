package dev.switchboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code switchboard --version}: the application version and the commit it was built from, as the build
 * recorded them ({@code switchboard-build.properties}, written by git-commit-id-maven-plugin).
 */
public class VersionProvider implements IVersionProvider {

    static final String BUILD_PROPERTIES = "/switchboard-build.properties";

    @Override
    public String[] getVersion() {
        String version = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
        Properties build = build();
        String commit = build.getProperty("git.commit.id");
        if (commit == null) {
            return new String[] {"switchboard " + version + " (built without Git: commit unknown)"};
        }
        return new String[] {"switchboard " + version,
                "commit " + commit + (Boolean.parseBoolean(build.getProperty("git.dirty")) ? " (with uncommitted changes)" : "")
                        + ", " + build.getProperty("git.commit.time", "time unknown"),
                "Java " + Runtime.version()};
    }

    private static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_PROPERTIES, e);
        }
        return properties;
    }
}
