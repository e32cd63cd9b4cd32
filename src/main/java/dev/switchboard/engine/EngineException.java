package dev.switchboard.engine;

/** A failure of the pipeline that is not a bad input file: no provider, a server that refused, ... */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
