package dev.switchboard.provider;

import dev.switchboard.model.Resource;
import java.util.Optional;

/** A kind the API can delete. */
public interface Deleter extends ResourceType {

    void delete(Resource live);

    /**
     * Why the API would refuse to delete this object (Officelinx company 1), so that the plan
     * refuses it up front instead of failing halfway through an apply.
     */
    default Optional<String> deletionRefusal(Resource live) {
        return Optional.empty();
    }
}
