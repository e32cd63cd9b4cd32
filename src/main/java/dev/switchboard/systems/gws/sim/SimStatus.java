package dev.switchboard.systems.gws.sim;

/**
 * The {@code statusCode}s the simulator answers, from the GWS return-values table (api-notes 1d), with the
 * HTTP status a server sends them with. The simulator's own copy: it stands in for the server and shares
 * nothing with the client.
 */
enum SimStatus {
    MISSING_PARAMETER(1, 400),
    FORBIDDEN(3, 403),
    NO_PERMISSION(5, 403),
    NOT_FOUND(6, 404),
    INPUT_VALIDATION(10, 400),
    READ_ONLY_PROPERTY(11, 400),
    NOT_AUTHENTICATED(20, 401);

    final int code;
    final int httpStatus;

    SimStatus(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }
}
