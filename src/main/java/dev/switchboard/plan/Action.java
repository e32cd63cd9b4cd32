package dev.switchboard.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What a plan does to one object. {@link #json()} is the spelling in JSON output and saved plans
 * (SPEC section 4), {@link #symbol()} the one in text output.
 */
public enum Action {
    /** Declared, not on the server: POST it. */
    CREATE("+", "create"),
    /** Declared and on the server with declared fields that differ: overlay them and PUT. */
    UPDATE("~", "update"),
    /** On the server, declared by no file, and the target prunes: DELETE it. */
    DELETE("-", "delete"),
    /**
     * Declared and on the server with declared fields that differ, of a kind the API can create and delete
     * but not update: DELETE it, then POST the desired one (Terraform's "must be replaced"). Destructive:
     * counted as a delete by the safety thresholds, refused for a protected object.
     */
    REPLACE("-/+", "replace"),
    /** On the server, declared by no file, not deleted (no prune, or the API cannot delete it). */
    UNMANAGED("?", "unmanaged"),
    /** Declared and in sync. */
    NO_OP(" ", "no-op");

    private final String symbol;
    private final String json;

    Action(String symbol, String json) {
        this.symbol = symbol;
        this.json = json;
    }

    public String symbol() {
        return symbol;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** The action spelled {@code json}, as {@link #json()} writes it. */
    public static Action fromJson(String json) {
        return Arrays.stream(values()).filter(a -> a.json.equals(json)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action '" + json + "'"));
    }

    /** Whether applying it calls the API: what "changes present" means (SPEC section 4). */
    public boolean callsApi() {
        return this == CREATE || this == UPDATE || this == DELETE || this == REPLACE;
    }

    /** Whether the object exists on the server before the apply. */
    public boolean hasBefore() {
        return this != CREATE;
    }

    /** Whether the object is declared in a file. */
    public boolean hasAfter() {
        return this == CREATE || this == UPDATE || this == REPLACE || this == NO_OP;
    }

    /** Whether it removes the live object: a delete, or the delete half of a replace. */
    public boolean isDestructive() {
        return this == DELETE || this == REPLACE;
    }
}
