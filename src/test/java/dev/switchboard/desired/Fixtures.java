package dev.switchboard.desired;

import dev.switchboard.systems.InstalledSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the desired-state test fixtures are, and loaders that see a fixed environment. */
public final class Fixtures {

    public static final Path DESIRED = Path.of("src/test/resources/desired");
    public static final Path EXAMPLES = Path.of("examples");

    private Fixtures() {
    }

    public static Path desired(String name) {
        return DESIRED.resolve(name);
    }

    /** A resolver that sees only {@code environment}, whatever the machine running the tests has. */
    public static SecretResolver secrets(Path dir, Map<String, String> environment) {
        return new SecretResolver(name -> Optional.ofNullable(environment.get(name)), dir);
    }

    /** A loader of the installed systems' files. */
    public static DesiredStateLoader loader() {
        return new DesiredStateLoader(InstalledSystems.all().fileFormats(), InstalledSystems.all().numberFields());
    }

    public static LoadResult load(Path dir, Map<String, String> environment) {
        return loader().load(dir, secrets(dir, environment));
    }
}
