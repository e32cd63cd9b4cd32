package dev.switchboard.systems.gws.provider;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code statusCode} every GWS answer carries, as the return-values table of the GWS 8.5 API lists
 * them (api-notes 1d). Zero means only that the request was accepted: writes are asynchronous.
 *
 * <p>{@link #leavesDataUnchanged()} marks the failures worth trying again: the table says a failed request
 * did not modify the data, and these are the ones a later attempt can get past (an internal error, a
 * back end that could not be reached). Partial success and incomplete processing may have changed data.
 */
public enum GwsStatusCode {
    OK(0, "the request was accepted", 200),
    MISSING_PARAMETER(1, "a required parameter is missing", 400),
    INVALID_FOR_STATE(2, "the operation is not valid for the current state", 400),
    FORBIDDEN(3, "the operation is forbidden", 403),
    INTERNAL_ERROR(4, "an internal error occurred", 500),
    NO_PERMISSION(5, "the user has no permission for this operation", 403),
    NOT_FOUND(6, "the resource was not found", 404),
    PARTIAL_SUCCESS(7, "partial success", 200),
    CHANGE_PASSWORD(8, "the password must be changed", 403),
    PROCESSING_INCOMPLETE(9, "processing is incomplete", 202),
    INPUT_VALIDATION(10, "input validation failed", 400),
    READ_ONLY_PROPERTY(11, "a read-only property was given", 400),
    UNABLE_TO_RETRIEVE(12, "unable to retrieve the resource", 500),
    UNABLE_TO_CREATE(13, "unable to create the resource", 500),
    UNABLE_TO_DELETE(14, "unable to delete the resource", 500),
    UNABLE_TO_UPDATE(15, "unable to update the resource", 500),
    UNABLE_TO_ASSIGN(16, "unable to assign", 500),
    UNABLE_TO_UNASSIGN(17, "unable to unassign", 500),
    ALREADY_EXISTS(18, "the resource already exists", 403),
    IN_USE(19, "the resource is in use", 409),
    NOT_AUTHENTICATED(20, "not authenticated", 401);

    private final int code;
    private final String meaning;
    private final int httpStatus;

    GwsStatusCode(int code, String meaning, int httpStatus) {
        this.code = code;
        this.meaning = meaning;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    /** The table's words for it. */
    public String meaning() {
        return meaning;
    }

    /** The HTTP status a server answers with this code (403 for 18, as the create-user page shows). */
    public int httpStatus() {
        return httpStatus;
    }

    public static Optional<GwsStatusCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }

    /** A failure a later attempt may get past, the data having been left unchanged. */
    public boolean leavesDataUnchanged() {
        return this == INTERNAL_ERROR || (code >= 12 && code <= 17);
    }

    /** A failure after which the server may have changed data all the same. */
    public boolean mayHaveChangedData() {
        return this == PARTIAL_SUCCESS || this == PROCESSING_INCOMPLETE;
    }

    /** {@code statusCode 18 (the resource already exists)}; unknown codes are named by their number alone. */
    public static String describe(int code) {
        return "statusCode " + code + of(code).map(c -> " (" + c.meaning + ")").orElse(" (not in the GWS table)");
    }
}
