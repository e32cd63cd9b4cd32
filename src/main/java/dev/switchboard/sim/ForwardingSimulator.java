package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * A simulator that wraps another and hands it everything it does not override: the base of wrappers that log,
 * hold or filter requests. It is not {@link #concurrent()} unless a subclass says so, whatever it wraps: a
 * wrapper's own state is then guarded by the server's lock.
 */
public abstract class ForwardingSimulator implements Simulator {

    private final Simulator delegate;

    protected ForwardingSimulator(Simulator delegate) {
        this.delegate = delegate;
    }

    /** The simulator wrapped. */
    protected final Simulator delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<String> pathPrefixes() {
        return delegate.pathPrefixes();
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        delegate.handle(exchange);
    }

    @Override
    public JsonNode snapshot() {
        return delegate.snapshot();
    }

    @Override
    public void restore(JsonNode state) {
        delegate.restore(state);
    }
}
