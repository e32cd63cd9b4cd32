package dev.switchboard.systems.gws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The knobs of the GWS simulator: how long an accepted write takes to become visible, how many accepted
 * writes are silently lost, and the dialects where the GWS document and its users-API pages can be read
 * two ways. Set from {@code switchboard sim --sim-option gws.NAME=VALUE} or from the {@code settings} of
 * the simulator's state (so that a test can give an embedded simulator its knobs through the state file).
 *
 * @param applyDelayMs    how long after its {@code statusCode 0} answer a write is carried out
 * @param dropWrites      how many of the next accepted writes are answered 0 and never carried out
 *                        ({@code -1}: all of them)
 * @param createStatusAsText  create answers {@code "statusCode":"0"} (the users-API page) rather than {@code 0}
 * @param updateVerbs     which verbs update a user: {@code both} (the UsersAPI page says POST, its attribute
 *                        table PUT), {@code put} or {@code post}; the other answers 405
 * @param errorsAsHttp200 errors come back as HTTP 200 with a non-zero {@code statusCode} rather than with the
 *                        matching HTTP status (a duplicate user name stays 403, as documented)
 * @param searchIgnored   {@code GET /users} ignores the {@code userName}, {@code firstName}, {@code lastName}
 *                        filters and lists everyone
 * @param listUrisOnly    {@code GET /users} answers {@code uris} even with {@code fields=*} (a server that reads
 *                        the ReturnValues page's "collections return URIs" strictly)
 */
public record GwsSimSettings(long applyDelayMs, int dropWrites, boolean createStatusAsText, String updateVerbs,
                             boolean errorsAsHttp200, boolean searchIgnored, boolean listUrisOnly) {

    public static final GwsSimSettings DEFAULT = new GwsSimSettings(0, 0, true, "both", false, false, false);

    public GwsSimSettings {
        if (applyDelayMs < 0) {
            throw new IllegalArgumentException("apply-delay-ms cannot be negative: " + applyDelayMs);
        }
        if (!updateVerbs.equals("both") && !updateVerbs.equals("put") && !updateVerbs.equals("post")) {
            throw new IllegalArgumentException("update-verbs is both, put or post, not " + updateVerbs);
        }
    }

    /** From {@code --sim-option gws.NAME=VALUE} options (the prefix removed), over the defaults. */
    public static GwsSimSettings fromOptions(Map<String, String> options) {
        GwsSimSettings settings = DEFAULT;
        for (Map.Entry<String, String> option : options.entrySet()) {
            settings = settings.with(option.getKey(), option.getValue().trim());
        }
        return settings;
    }

    /** From the {@code settings} of a state snapshot; absent fields keep their defaults. */
    public static GwsSimSettings fromJson(JsonNode json) {
        GwsSimSettings settings = DEFAULT;
        if (json == null || !json.isObject()) {
            return settings;
        }
        var names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            settings = settings.with(name, json.get(name).asText());
        }
        return settings;
    }

    /** One knob set by its option name ({@code apply-delay-ms}) or its state name ({@code applyDelayMs}). */
    public GwsSimSettings with(String name, String value) {
        String knob = name.replace("-", "").toLowerCase(Locale.ROOT);
        try {
            return switch (knob) {
                case "applydelayms" -> new GwsSimSettings(Long.parseLong(value), dropWrites, createStatusAsText,
                        updateVerbs, errorsAsHttp200, searchIgnored, listUrisOnly);
                case "dropwrites" -> new GwsSimSettings(applyDelayMs, value.equalsIgnoreCase("all") ? -1
                        : Integer.parseInt(value), createStatusAsText, updateVerbs, errorsAsHttp200, searchIgnored, listUrisOnly);
                case "createstatus" -> new GwsSimSettings(applyDelayMs, dropWrites, choice(name, value, "text", "number"),
                        updateVerbs, errorsAsHttp200, searchIgnored, listUrisOnly);
                case "updateverbs" -> new GwsSimSettings(applyDelayMs, dropWrites, createStatusAsText,
                        value.toLowerCase(Locale.ROOT), errorsAsHttp200, searchIgnored, listUrisOnly);
                case "errorstatus" -> new GwsSimSettings(applyDelayMs, dropWrites, createStatusAsText, updateVerbs,
                        !choice(name, value, "matching", "200"), searchIgnored, listUrisOnly);
                case "search" -> new GwsSimSettings(applyDelayMs, dropWrites, createStatusAsText, updateVerbs,
                        errorsAsHttp200, !choice(name, value, "filtered", "ignored"), listUrisOnly);
                case "list" -> new GwsSimSettings(applyDelayMs, dropWrites, createStatusAsText, updateVerbs,
                        errorsAsHttp200, searchIgnored, !choice(name, value, "fields", "uris"));
                default -> throw new IllegalArgumentException("the gws simulator has no option " + name
                        + " (it has apply-delay-ms, drop-writes, create-status, update-verbs, error-status, search, list)");
            };
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("gws simulator option " + name + " takes a whole number, not " + value);
        }
    }

    /** One fewer write to drop, after one was dropped. */
    GwsSimSettings oneDropped() {
        return dropWrites > 0
                ? new GwsSimSettings(applyDelayMs, dropWrites - 1, createStatusAsText, updateVerbs, errorsAsHttp200,
                        searchIgnored, listUrisOnly)
                : this;
    }

    boolean dropsNextWrite() {
        return dropWrites != 0;
    }

    boolean allows(String updateVerb) {
        return updateVerbs.equals("both") || updateVerbs.equalsIgnoreCase(updateVerb);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("applyDelayMs", applyDelayMs);
        json.put("dropWrites", dropWrites);
        json.put("createStatus", createStatusAsText ? "text" : "number");
        json.put("updateVerbs", updateVerbs);
        json.put("errorStatus", errorsAsHttp200 ? "200" : "matching");
        json.put("search", searchIgnored ? "ignored" : "filtered");
        json.put("list", listUrisOnly ? "uris" : "fields");
        return json;
    }

    private static boolean choice(String name, String value, String first, String second) {
        if (value.equalsIgnoreCase(first)) {
            return true;
        }
        if (value.equalsIgnoreCase(second)) {
            return false;
        }
        throw new IllegalArgumentException("gws simulator option " + name + " is " + first + " or " + second
                + ", not " + value);
    }
}
