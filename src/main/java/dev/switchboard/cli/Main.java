package dev.switchboard.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: starts loading the classes of a short command in the background ({@link ClassPreloader}),
 * then Quarkus, which runs the command line ({@link CommandLineApplication}).
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        ClassPreloader.startFromEnvironment(Main.class.getClassLoader());
        Quarkus.run(CommandLineApplication.class, args);
    }
}
