package dev.switchboard.provider;

import dev.switchboard.model.Resource;
import java.util.Set;

/** A kind the API can update: GET the live object, overlay the declared fields, PUT it back. */
public interface Updater extends ResourceType {

    /**
     * Sets {@code fields} of {@code live} to their values in {@code desired}; every other field on the
     * server, including those Switchboard does not know, survives untouched.
     */
    void update(Resource live, Resource desired, Set<String> fields, IdResolver ids);
}
