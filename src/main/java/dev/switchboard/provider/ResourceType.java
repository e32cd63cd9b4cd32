package dev.switchboard.provider;

import dev.switchboard.model.ResourceKind;

/**
 * A kind a provider knows. What the API allows for it is expressed by also implementing
 * {@link Creator}, {@link Updater} and {@link Deleter}: a kind that does not implement
 * {@link Deleter} cannot be deleted, and a plan that needs to is an error at plan time.
 */
public interface ResourceType {

    ResourceKind kind();
}
