package dev.switchboard.provider;

import dev.switchboard.model.ResourceKind;
import java.util.Optional;

/**
 * A kind a provider knows. What the API allows for it is expressed by also implementing
 * {@link Creator}, {@link Updater} and {@link Deleter}: a kind that does not implement
 * {@link Deleter} cannot be deleted, and a plan that needs to is an error at plan time.
 */
public interface ResourceType {

    ResourceKind kind();

    /**
     * What the API cannot do with this kind, in the provider's words, for a plan to quote when it refuses
     * a change that needs a capability this type does not implement.
     */
    default Optional<String> apiLimit() {
        return Optional.empty();
    }

    /**
     * Whether objects of this kind exist on the server by themselves (a sipXconfig user's call forwarding,
     * one of its conferences): they are never created or deleted, only their declared fields updated, and
     * a live one that no file declares is left out of the plan instead of being reported unmanaged.
     */
    default boolean singleton() {
        return false;
    }
}
