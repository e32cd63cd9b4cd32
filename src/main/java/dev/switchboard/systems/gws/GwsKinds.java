package dev.switchboard.systems.gws;

import dev.switchboard.model.ResourceKind;
import java.util.List;

/**
 * The Genesys Web Services resource kinds (SPEC section 3).
 *
 * <p>{@code user} [userName]: {@code userName}, {@code firstName}, {@code lastName}, {@code roles} (a set
 * of {@code ROLE_...} names; an update replaces the whole set), {@code enabled},
 * {@code changePasswordOnFirstLogin}, and {@code password} (write-only: the API never returns it; sent on
 * create and when its fingerprint changes). {@code userName} cannot be changed: a rename is a replace.
 */
public final class GwsKinds {

    public static final String TARGET_KIND = "gws";

    public static final ResourceKind USER = ResourceKind.of(TARGET_KIND, "user", "password");

    public static final List<ResourceKind> ALL = List.of(USER);

    /** The fields of a user besides its key, in the order files and exports write them. */
    public static final List<String> USER_FIELDS = List.of("firstName", "lastName", "roles", "enabled",
            "changePasswordOnFirstLogin", "password");

    private GwsKinds() {
    }
}
