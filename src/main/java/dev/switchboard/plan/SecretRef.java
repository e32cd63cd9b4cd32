package dev.switchboard.plan;

import dev.switchboard.model.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A secret field read back from a saved plan, whose value was never written: either the reference it
 * came from ({@code ${env:NAME}}, {@code ${file:PATH}}), which the engine resolves again before
 * applying (see {@link Plan#withSecretsResolved}), or a masked live value with no reference, kept only
 * to be shown as {@value Secret#MASK}.
 *
 * <p>Prints as {@value Secret#MASK} like a {@link Secret}; never sent to a server.
 */
public record SecretRef(Optional<String> reference) {

    public SecretRef {
        Objects.requireNonNull(reference, "reference");
    }

    public static SecretRef to(String reference) {
        return new SecretRef(Optional.of(reference));
    }

    /** A live secret, written as {@value Secret#MASK}: nothing to resolve. */
    public static SecretRef masked() {
        return new SecretRef(Optional.empty());
    }

    /** How a saved plan writes a secret: its reference, or {@value Secret#MASK}. */
    public static String stored(Secret secret) {
        return secret.reference().orElse(Secret.MASK);
    }

    /** {@code value} itself, or the secret {@code resolve} gives for it when it is a reference. */
    public static Object resolve(Object value, Function<String, Secret> resolve) {
        if (value instanceof SecretRef ref && ref.reference().isPresent()) {
            return resolve.apply(ref.reference().get());
        }
        return value;
    }

    @Override
    public String toString() {
        return Secret.MASK;
    }
}
