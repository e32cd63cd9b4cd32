package dev.switchboard.provider;

import dev.switchboard.model.Resource;
import java.util.Optional;

/** A kind the API can create (POST). */
public interface Creator extends ResourceType {

    /**
     * Creates {@code desired} on the server, resolving the objects it names through {@code ids}.
     *
     * @return the object as the server now has it, with its new ID
     * @throws ProviderException on any failure; {@link ProviderException#outcomeUnknown()} when the
     *                           server may have created it all the same (timeout, connection reset)
     */
    Resource create(Resource desired, IdResolver ids);

    /**
     * Looks the object up by natural key, for after a create whose outcome is unknown, so that a retry
     * never makes a duplicate.
     */
    Optional<Resource> findByKey(Resource desired, IdResolver ids);

    /**
     * Why the server would refuse to create {@code desired}, found by reading it before any write (a XiVO
     * line number that is neither free nor a line's): asked at plan time for every planned create, so that
     * the plan shows the refusal instead of the apply failing halfway. Empty when the create may go ahead.
     */
    default Optional<String> creationRefusal(Resource desired) {
        return Optional.empty();
    }
}
