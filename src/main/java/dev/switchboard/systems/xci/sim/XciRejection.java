package dev.switchboard.systems.xci.sim;

/** A request the simulated XCI refuses, with the status and the readable message it answers. */
final class XciRejection extends RuntimeException {

    private final int status;

    private XciRejection(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static XciRejection badRequest(String message) {
        return new XciRejection(400, message);
    }

    static XciRejection notFound(String message) {
        return new XciRejection(404, message);
    }

    static XciRejection unsupportedMediaType(String message) {
        return new XciRejection(415, message);
    }

    int status() {
        return status;
    }
}
