package dev.switchboard.desired;

import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a target entry in {@code switchboard.yaml} that belong to its system: its
 * {@code auth} and any setting of its own (Officelinx {@code pbx}, the users a sipXconfig target acts as).
 * The generic fields ({@code kind}, {@code url}, {@code tls}, {@code prune}, ...) are read by the loader.
 */
@FunctionalInterface
public interface TargetFieldsReader {

    /**
     * @param target       the target's mapping, read against the system schema's {@code target} definition
     * @param literalSecretsAllowed whether a secret may be written as plain text (a simulator or a test
     *                     server on loopback, whose credentials are public); see {@link YamlObject#secret}
     * @param auth         credentials by field name, to fill: values are {@code String} or {@code Secret}
     * @param options      the system's own settings, to fill
     */
    void read(YamlObject target, boolean literalSecretsAllowed, Map<String, Object> auth, Map<String, Object> options);

    /**
     * The common case: every field of {@code auth} (schema definition {@code authDefinition}) read as
     * text, those named in {@code secretFields} as secrets.
     */
    static TargetFieldsReader auth(String authDefinition, Set<String> secretFields) {
        return (target, literalSecretsAllowed, auth, options) -> target.object("auth", authDefinition).ifPresent(a -> {
            for (String field : a.fieldNames()) {
                (secretFields.contains(field) ? a.secret(field, literalSecretsAllowed) : a.textOrSecret(field))
                        .ifPresent(v -> auth.put(field, v));
            }
        });
    }

    /** This reader, then {@code next} on the same target. */
    default TargetFieldsReader andThen(TargetFieldsReader next) {
        return (target, literal, auth, options) -> {
            read(target, literal, auth, options);
            next.read(target, literal, auth, options);
        };
    }
}
