package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPreloaderTest {

    /** Set by {@link Probe}'s static initialiser; reading it does not initialise {@code Probe}, as reading a field of Probe would. */
    static final AtomicBoolean PROBE_INITIALISED = new AtomicBoolean();

    @TempDir
    Path temp;

    @Test
    void takesTheClassNameOfALineOfTheJvmsLogAndPassesOverClassesMadeAtRunTime() {
        assertThat(ClassPreloader.className("org.yaml.snakeyaml.LoaderOptions source: file:/app/lib/main/snakeyaml.jar"))
                .isEqualTo("org.yaml.snakeyaml.LoaderOptions");
        assertThat(ClassPreloader.className("java.lang.Object source: shared objects file")).isEqualTo("java.lang.Object");
        assertThat(ClassPreloader.className("dev.switchboard.cli.Main")).isEqualTo("dev.switchboard.cli.Main");
        assertThat(ClassPreloader.className("dev.switchboard.cli.Main$$Lambda$87/0x00007fcdc903beb8 source: dev.switchboard.cli.Main"))
                .as("a lambda's hidden class").isNull();
        assertThat(ClassPreloader.className("jdk.internal.reflect.GeneratedConstructorAccessor1 source: __JVM_DefineClass__"))
                .as("a reflection accessor").isNull();
        assertThat(ClassPreloader.className("")).isNull();
        assertThat(ClassPreloader.className("   ")).isNull();
    }

    @Test
    void findsTheListBesideTheOneJarOfTheClassPathOnly() {
        assertThat(ClassPreloader.listBeside("/opt/switchboard/app/quarkus-run.jar"))
                .isEqualTo(Path.of("/opt/switchboard/app/quarkus-run.classes"));
        assertThat(ClassPreloader.listBeside("/a/quarkus-run.jar" + File.pathSeparator + "/b/other.jar"))
                .as("tests and IDEs run from a class path of many entries").isNull();
        assertThat(ClassPreloader.listBeside("target/classes")).isNull();
        assertThat(ClassPreloader.listBeside(null)).isNull();
    }

    @Test
    void loadsTheListedClassesInTheListsOrderWithoutInitialisingThemAndPassesOverThoseItCannotFind() throws Exception {
        Path list = temp.resolve("quarkus-run.classes");
        Files.write(list, List.of(
                Probe.class.getName() + " source: file:/app/app/switchboard.jar",
                "dev.switchboard.NoSuchClass source: file:/app/app/switchboard.jar",
                Probe.class.getName() + "$$Lambda$1/0x0000000800c01000 source: " + Probe.class.getName(),
                "java.util.concurrent.atomic.LongAdder source: shared objects file"));
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());

        Thread thread = ClassPreloader.start(list, loader);
        thread.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(thread.isAlive()).isFalse();
        assertThat(thread.isDaemon()).as("never keeps the JVM from exiting").isTrue();
        assertThat(loader.asked).containsExactly(Probe.class.getName(), "dev.switchboard.NoSuchClass",
                "java.util.concurrent.atomic.LongAdder");
        assertThat(PROBE_INITIALISED).as("no static initialiser runs on the preloading thread").isFalse();
        assertThat(ClassPreloader.preload(list, loader)).as("two of the four lines name classes there are").isEqualTo(2);
    }

    @Test
    void aListThatCannotBeReadLoadsNothing() {
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
        assertThat(ClassPreloader.preload(temp.resolve("absent.classes"), loader)).isZero();
        assertThat(loader.asked).isEmpty();
    }

    /** Initialised only if something initialises it: nothing in this test does. */
    static final class Probe {
        static {
            PROBE_INITIALISED.set(true);
        }

        private Probe() {
        }
    }

    private static final class RecordingLoader extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (asked) {
                asked.add(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
