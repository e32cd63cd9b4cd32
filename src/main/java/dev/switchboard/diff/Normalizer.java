package dev.switchboard.diff;

import java.util.Optional;

/**
 * Turns a field value into the form two values are compared in, so that differences the API makes but
 * does not mean (a number sent as text, a set returned in another order, a null for an unset field)
 * are not reported as changes. API quirks of a particular system belong in a normalizer registered for
 * its kinds in {@link NormalizerRegistry}, never in {@link Differ}.
 *
 * <p>Contract: pure and total; applied to the desired and the live value alike; must leave
 * {@link dev.switchboard.model.Secret}s as they are (they are compared with {@code Secret.equals} and
 * never revealed); returns empty when the value counts as absent.
 */
@FunctionalInterface
public interface Normalizer {

    /** Leaves every value as it is. */
    Normalizer IDENTITY = (field, value) -> value;

    Optional<Object> normalize(String field, Optional<Object> value);

    /** This normalizer, then {@code next} on its result. */
    default Normalizer andThen(Normalizer next) {
        return (field, value) -> next.normalize(field, normalize(field, value));
    }
}
