package dev.switchboard.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a script of deploy/ as a CI job runs it: in a directory, with the given environment over this
 * process's (less the variables of a real CI system, which would make the script talk to it), stdout and
 * stderr together.
 */
record ScriptRun(int exitCode, String output) {

    private static final List<String> CI_PREFIXES = List.of("GITHUB_", "CI_", "GITLAB_", "SWITCHBOARD", "CREDENTIALS_DIRECTORY");

    static ScriptRun of(Path dir, Map<String, String> environment, String... commandLine)
            throws IOException, InterruptedException {
        List<String> command = List.of(commandLine);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> CI_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not end within 3 minutes");
        }
        return new ScriptRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** A copy of the packaged application in {@code dir/quarkus-app}, for a test that writes beside its jar. */
    static Path copyOfTheBuild(Path dir) throws IOException, InterruptedException {
        Path app = dir.resolve("quarkus-app");
        ScriptRun copy = of(Path.of("").toAbsolutePath(), Map.of(), "cp", "-r",
                Path.of("target/quarkus-app").toAbsolutePath().toString(), app.toString());
        if (copy.exitCode() != 0) {
            throw new IllegalStateException("could not copy target/quarkus-app: " + copy.output());
        }
        return app;
    }
}
