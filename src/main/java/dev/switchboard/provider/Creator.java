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
}
