package dev.switchboard.systems.xivows.sim;

/** A request the simulated XiVO refuses with {@code status} and no body, as json.php does. */
final class XivoWsRejection extends RuntimeException {

    private final int status;

    XivoWsRejection(int status, String why) {
        super(why, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static XivoWsRejection badRequest(String why) {
        return new XivoWsRejection(400, why);
    }

    static XivoWsRejection notFound(String why) {
        return new XivoWsRejection(404, why);
    }
}
