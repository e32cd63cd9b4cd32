package dev.switchboard.desired;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.TargetSpec;

/**
 * What a {@link ResourceFileReader} is given for one resource file: the target the file names, the
 * settings of {@code switchboard.yaml}, and the one load's record of declared objects, references and
 * problems.
 */
public final class ResourceFileContext {

    private final LoadContext load;
    private final TargetSpec target;
    private final Settings settings;
    /** Found once per file: parsing the target's URL for every password field was a cost of every load. */
    private Boolean literalSecretsAllowed;

    ResourceFileContext(LoadContext load, TargetSpec target, Settings settings) {
        this.load = load;
        this.target = target;
        this.settings = settings;
    }

    public TargetSpec target() {
        return target;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Whether secrets of this target may be written as plain text: only for a simulator or a test
     * server on this machine's loopback, whose credentials are public. Pass it to {@link YamlObject#secret}.
     */
    public boolean literalSecretsAllowed() {
        if (literalSecretsAllowed == null) {
            literalSecretsAllowed = ConfigReader.isLocal(target.url());
        }
        return literalSecretsAllowed;
    }

    /**
     * The object's {@code protect} and {@code ignore} (where its schema definition has {@code ignore}),
     * plus the ignores {@code settings.ignore} gives its kind.
     */
    public ResourceOptions options(YamlObject object, ResourceKind kind, boolean hasIgnore) {
        return object.options(hasIgnore, settings.ignored(kind.name()));
    }

    /** Declares an object read from {@code where}; a second object with the same key is a problem. */
    public void declare(Resource resource, YamlObject where) {
        load.declare(target.name(), resource, where);
    }

    /**
     * Records that field {@code field} of {@code from} names {@code to}, which must be declared in the same
     * target; when it is not, the loader reports {@code missing} at that field with the candidates as a hint.
     */
    public void reference(ResourceKey to, YamlObject from, String field, String missing) {
        load.reference(target.name(), to, from, field, missing);
    }
}
