package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real HTTP server on 127.0.0.1 serving one or more {@link Simulator}s, each under its own path
 * prefixes, with latency, random failures and named faults applied before a simulator sees a request.
 *
 * <p>Control endpoints under {@code /_sim/}: {@code GET /_sim/state} (every simulator's state),
 * {@code POST /_sim/faults} (one {@link FaultRule#parse fault spec} per line, queued),
 * {@code GET /_sim/requests} (how many requests were handled, and how many of each fault produced). Starting takes
 * milliseconds; state is loaded from and saved to {@link SimOptions#stateFile()} when one is set.
 *
 * <p>The HTTP side is a Vert.x server (the JVM's one Vert.x of daemon threads, shared by every simulator server
 * it starts): it reads a request whole on its event loop, and hands it to a thread of this server's own pool,
 * which sleeps until the latency has passed since the request arrived (the wait for a free thread and the
 * hand-over counted in it, as a network's delay would be: 5.4 ms for a request at 5 ms on an idle machine,
 * where a sleep of 5 ms after the hand-over took 5.6) and runs the simulator, as {@code com.sun.net.httpserver}
 * did before it. It writes an answer's status line, headers and body in one write, where the JDK server wrote
 * the headers and the body separately, and spent more CPU per request on its own than the simulators did on
 * their answers.
 */
public final class SimServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimServer.class.getName());
    private static final String CONTROL_PREFIX = "/_sim/";

    /** Event loops only parse and write; a simulator's work runs on the server's own threads. */
    private static final int EVENT_LOOPS = 2;

    /** The Vert.x all simulator servers of this JVM share: daemon threads, so that it never keeps a JVM alive. */
    private static final class SharedVertx {
        static final Vertx VERTX = new VertxBuilder(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS)
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1))
                .threadFactory(new io.vertx.core.spi.VertxThreadFactory() {
                    @Override
                    public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                                                      TimeUnit maxExecTimeUnit) {
                        VertxThread thread = new VertxThread(target, "switchboard-sim-" + name, worker, maxExecTime,
                                maxExecTimeUnit);
                        thread.setDaemon(true);
                        return thread;
                    }
                })
                .init().vertx();
    }

    /**
     * The fixed ports this JVM's servers listen on: Vert.x would share a port between two servers of one Vert.x,
     * where the JDK server refused to bind it twice, and so does this one.
     */
    private static final java.util.Set<Integer> FIXED_PORTS = ConcurrentHashMap.newKeySet();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Simulator> simulators;
    private final SimOptions options;
    private final Deque<FaultRule> faults = new ArrayDeque<>();
    private final Random random;
    private final AtomicLong handled = new AtomicLong();
    private final Map<String, AtomicLong> occurrences = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicLong> produced = new ConcurrentHashMap<>();
    private volatile FaultMix faultMix;

    private SimServer(List<Simulator> simulators, SimOptions options) throws IOException {
        this.simulators = List.copyOf(simulators);
        this.options = options;
        this.random = new Random(options.seed());
        this.faults.addAll(options.faults());
        this.faultMix = options.faultMix();
        options.stateFile().filter(Files::exists).ifPresent(this::loadState);
        if (options.port() != 0 && !FIXED_PORTS.add(options.port())) {
            throw new java.net.BindException("Address already in use");
        }
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-sim");
            thread.setDaemon(true);
            return thread;
        });
        this.server = SharedVertx.VERTX.createHttpServer(new HttpServerOptions()
                .setHost(InetAddress.getLoopbackAddress().getHostAddress()).setPort(options.port())
                .setTcpNoDelay(true).setAcceptBacklog(64).setHandle100ContinueAutomatically(true)
                // HTTP/1.1 only, as the JDK server was: a client asking to upgrade to HTTP/2 (h2c) stays on 1.1
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false).setDecompressionSupported(false));
        server.requestHandler(this::accept);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            executor.shutdownNow();
            FIXED_PORTS.remove(options.port());
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            executor.shutdownNow();
            FIXED_PORTS.remove(options.port());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("the server did not start listening", e);
        }
    }

    /** On the event loop: reads the body whole, then hands the request to the server's own threads. */
    private void accept(HttpServerRequest request) {
        long arrived = System.nanoTime();
        request.body().onSuccess(body -> {
            try {
                executor.execute(() -> handleRequest(request, body, arrived));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                request.connection().close();
            }
        }).onFailure(lost -> request.connection().close());
    }

    private void handleRequest(HttpServerRequest request, Buffer body, long arrived) {
        SimExchange exchange;
        try {
            exchange = new SimExchange(request, body.getBytes());
        } catch (IllegalArgumentException badUri) {
            request.response().setStatusCode(400).end();
            return;
        }
        try {
            dispatch(exchange, arrived);
        } catch (DroppedConnection dropped) {
            // the connection closes unanswered, as a reset does
            request.connection().close();
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.FINE, "simulator exchange failed", failed);
            request.connection().close();
        }
    }

    /** Starts a server for {@code simulators}; {@link #baseUri()} says where it listens. */
    public static SimServer start(SimOptions options, Simulator... simulators) {
        try {
            return new SimServer(List.of(simulators), options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the simulator on 127.0.0.1:" + options.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    public int port() {
        return server.actualPort();
    }

    /** Queues a named fault for the next matching requests. */
    public void inject(FaultRule rule) {
        synchronized (faults) {
            faults.addLast(rule);
        }
    }

    /** From now on, answers a share of requests with faults drawn at random ({@link FaultMix#NONE}: none). */
    public void faultMix(FaultMix mix) {
        this.faultMix = mix;
    }

    /** How many of each fault this server has produced so far, named and drawn alike. */
    public Map<Fault, Long> faultsProduced() {
        Map<Fault, Long> counts = new java.util.EnumMap<>(Fault.class);
        produced.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    /** Number of API requests answered or dropped so far, control endpoints excluded. */
    public long requestCount() {
        return handled.get();
    }

    public List<Simulator> simulators() {
        return simulators;
    }

    @Override
    public void close() {
        int port = server.actualPort();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            awaitUnbound(port);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "the simulator's server did not close cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        if (options.port() != 0) {
            FIXED_PORTS.remove(options.port());
        }
        saveState();
    }

    /**
     * Vert.x completes a server's close before its event loop has unbound the port (a start on that port right
     * after failed 4 times in 30); the JDK server's stop returned with the port free, and so does this, waiting at
     * most a second for it.
     */
    private static void awaitUnbound(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return;
            } catch (IOException stillBound) {
                Thread.sleep(5);
            }
        }
    }

    private void dispatch(SimExchange exchange, long arrived) throws IOException {
        try {
            if (exchange.path().startsWith(CONTROL_PREFIX)) {
                control(exchange);
                exchange.send();
                return;
            }
            Simulator simulator = simulatorFor(exchange.path());
            if (simulator == null) {
                exchange.respondJson(404, SimExchange.JSON.createObjectNode().put("Message",
                        "No HTTP resource was found that matches the request URI '" + exchange.path() + "'."));
                exchange.send();
                return;
            }
            handled.incrementAndGet();
            sleepUntil(arrived + options.latency().toNanos());
            Fault fault = nextFault(exchange);
            if (fault != null) {
                produced.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
            }
            if (fault == Fault.RESET_BEFORE) {
                throw new DroppedConnection();
            }
            if (fault == Fault.ERROR_500) {
                exchange.respondJson(500, SimExchange.JSON.createObjectNode().put("Message", "An error has occurred."));
                exchange.send();
                return;
            }
            if (fault == Fault.TOO_MANY_REQUESTS) {
                exchange.setHeader("Retry-After", String.valueOf(options.retryAfter().toSeconds()));
                exchange.respondJson(429, SimExchange.JSON.createObjectNode().put("Message", "Too many requests."));
                exchange.send();
                return;
            }
            if (simulator.concurrent()) {
                simulator.handle(exchange);
            } else {
                synchronized (simulator) {
                    simulator.handle(exchange);
                }
            }
            if (!"GET".equals(exchange.method())) {
                saveState();
            }
            if (!exchange.answered()) {
                exchange.respondJson(500, SimExchange.JSON.createObjectNode().put("Message", "The simulator did not answer."));
            }
            if (fault == Fault.RESET_AFTER) {
                throw new DroppedConnection();
            }
            if (fault == Fault.SLOW) {
                sleep(options.slowDelay().toMillis());
            }
            exchange.send();
        } catch (DroppedConnection dropped) {
            // Thrown on purpose: the connection is closed unanswered.
            throw dropped;
        } catch (RuntimeException bug) {
            LOG.log(Level.WARNING, "simulator failed on " + exchange.method() + " " + exchange.path(), bug);
            exchange.respondJson(500, SimExchange.JSON.createObjectNode().put("Message", String.valueOf(bug)));
            exchange.send();
        }
    }

    /** The simulator with the longest prefix of {@code path}: {@code /api/1.0} wins over a dialect's bare {@code /api}. */
    private Simulator simulatorFor(String path) {
        Simulator best = null;
        int bestLength = -1;
        for (Simulator simulator : simulators) {
            for (String prefix : simulator.pathPrefixes()) {
                if ((path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"))
                        && prefix.length() > bestLength) {
                    best = simulator;
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    private Fault nextFault(SimExchange exchange) throws IOException {
        FaultMix mix = faultMix;
        if (mix.rate() > 0) {
            byte[] body = exchange.body();
            String request = exchange.method() + " " + exchange.pathAndQuery() + " " + body.length + ":"
                    + java.util.Arrays.hashCode(body);
            long occurrence = occurrences.computeIfAbsent(request, r -> new AtomicLong()).getAndIncrement();
            Fault drawn = mix.draw(options.seed(), exchange.method(), exchange.pathAndQuery(), body, occurrence).orElse(null);
            Fault named = namedOrRandomFailure(exchange);
            return named != null ? named : drawn;
        }
        return namedOrRandomFailure(exchange);
    }

    private Fault namedOrRandomFailure(SimExchange exchange) {
        synchronized (faults) {
            Iterator<FaultRule> it = faults.iterator();
            while (it.hasNext()) {
                FaultRule rule = it.next();
                if (rule.matches(exchange.method(), exchange.path())) {
                    it.remove();
                    if (rule.times() > 1) {
                        faults.addFirst(new FaultRule(rule.fault(), rule.method(), rule.pathPattern(), rule.times() - 1));
                    }
                    return rule.fault();
                }
            }
            if (options.failRate() > 0 && random.nextDouble() < options.failRate()) {
                return Fault.ERROR_500;
            }
        }
        return null;
    }

    private void control(SimExchange exchange) throws IOException {
        String what = exchange.path().substring(CONTROL_PREFIX.length());
        if (what.equals("state") && exchange.method().equals("GET")) {
            exchange.respondJson(200, state());
        } else if (what.equals("faults") && exchange.method().equals("POST")) {
            // All or nothing: a bad line is answered 400 with what is wrong, and no rule of the body is queued.
            List<FaultRule> rules = new ArrayList<>();
            for (String line : exchange.bodyText().split("\\R")) {
                if (!line.isBlank()) {
                    try {
                        rules.add(FaultRule.parse(line.trim()));
                    } catch (IllegalArgumentException e) {
                        exchange.respondJson(400, SimExchange.JSON.createObjectNode()
                                .put("Message", "bad fault spec '" + line.trim() + "': " + e.getMessage()));
                        return;
                    }
                }
            }
            rules.forEach(this::inject);
            exchange.respondEmpty(204);
        } else if (what.equals("requests") && exchange.method().equals("GET")) {
            ObjectNode counts = SimExchange.JSON.createObjectNode().put("handled", handled.get());
            ObjectNode faultCounts = counts.putObject("faults");
            faultsProduced().forEach((fault, count) -> faultCounts.put(fault.spelling(), count));
            exchange.respondJson(200, counts);
        } else {
            exchange.respondJson(404, SimExchange.JSON.createObjectNode().put("Message", "unknown control endpoint"));
        }
    }

    private ObjectNode state() {
        ObjectNode state = SimExchange.JSON.createObjectNode();
        for (Simulator simulator : simulators) {
            if (simulator.concurrent()) {
                state.set(simulator.name(), simulator.snapshot());
            } else {
                synchronized (simulator) {
                    state.set(simulator.name(), simulator.snapshot());
                }
            }
        }
        return state;
    }

    private void loadState(Path file) {
        try {
            JsonNode state = SimExchange.JSON.readTree(file.toFile());
            for (Simulator simulator : simulators) {
                if (state.has(simulator.name())) {
                    simulator.restore(state.get(simulator.name()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the simulator state file " + file
                    + " (delete it to start from a freshly installed server)", e);
        }
    }

    private synchronized void saveState() {
        options.stateFile().ifPresent(file -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                SimExchange.JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), state());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the simulator state to " + file, e);
            }
        });
    }

    private static void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends an exchange without an answer, as a connection reset does. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("connection dropped on purpose by a simulated fault", null, false, false);
        }
    }
}
