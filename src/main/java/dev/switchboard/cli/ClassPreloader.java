package dev.switchboard.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the classes a command will need on a thread of its own, while the main thread starts Quarkus, so that
 * a second processor shares the reading and defining of a few thousand classes that start-up otherwise does
 * alone (as Spring Boot's background pre-initializer does for its own start-up).
 *
 * <p>The list is the JVM's log of the classes a plan of the quickstart loaded, in order, recorded by the build
 * ({@code -Xlog:class+load}, {@code quarkus-run.classes} beside {@code quarkus-run.jar}). Classes are loaded and
 * not initialised: no static initialiser runs on this thread, so nothing a command does changes, only when its
 * classes are read. A class of the list that this build does not have is passed over. Off with one processor
 * (the thread would take the main thread's), with {@code SWITCHBOARD_PRELOAD=off}, and when the application
 * does not run from {@code quarkus-run.jar} alone (tests, an IDE).
 */
final class ClassPreloader {

    /** The environment variable that turns preloading off. */
    static final String SWITCH = "SWITCHBOARD_PRELOAD";

    private ClassPreloader() {
    }

    static void startFromEnvironment(ClassLoader loader) {
        if ("off".equals(System.getenv(SWITCH)) || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Path list = listBeside(System.getProperty("java.class.path"));
        if (list != null && Files.isRegularFile(list)) {
            start(list, loader);
        }
    }

    /** The class list beside the one jar of a class path ({@code x.jar}: {@code x.classes}), or null. */
    static Path listBeside(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        return Path.of(classPath.substring(0, classPath.length() - ".jar".length()) + ".classes");
    }

    static Thread start(Path list, ClassLoader loader) {
        Thread thread = new Thread(() -> preload(list, loader), "class-preload");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Loads the classes the list names, in its order; returns how many it loaded. */
    static int preload(Path list, ClassLoader loader) {
        int loaded = 0;
        try (BufferedReader reader = Files.newBufferedReader(list)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = className(line);
                if (name == null) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError notHere) {
                    // Not in this build, or not loadable from here: the command loads what it needs itself.
                }
            }
        } catch (IOException unreadable) {
            // Only start-up's speed depends on the list.
        }
        return loaded;
    }

    /**
     * The class a line of the log names ({@code name source: where}), or null: for a blank line, and for a class
     * the JVM made at run time (a lambda's or a reflection accessor), which no class loader can find by name.
     */
    static String className(String line) {
        int end = line.indexOf(' ');
        String name = end < 0 ? line.strip() : line.substring(0, end);
        if (name.isEmpty() || name.indexOf('/') >= 0 || line.contains("source: __")) {
            return null;
        }
        return name;
    }
}
