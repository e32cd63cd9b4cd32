package dev.switchboard.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target declared in {@code switchboard.yaml}: one server Switchboard manages.
 *
 * @param name     the target's name, as files name it in {@code target:}
 * @param kind     the target system: {@code officelinx}, {@code xci}
 * @param url      the server's base URL, or {@link #EMBEDDED} for the built-in simulator
 * @param auth     credentials by field name ({@code clientId}, {@code password}, ...); values are
 *                 {@link String} or {@link Secret}
 * @param options  kind-specific settings such as Officelinx {@code pbx}
 * @param tls      TLS settings
 * @param policy   what Switchboard may do to this target
 * @param timeouts how long a connection, an answer and a whole call with its retries may take
 * @param sim      for an {@code url: embedded} target, how its simulator behaves ({@code sim:})
 * @param shard    {@code shard: K}: the daemon replica that reconciles this target, instead of the one its
 *                 name hashes to; empty for most targets
 */
public record TargetSpec(
        String name,
        String kind,
        String url,
        Map<String, Object> auth,
        Map<String, Object> options,
        Tls tls,
        Policy policy,
        Timeouts timeouts,
        Sim sim,
        Optional<ShardPin> shard) {

    public static final String EMBEDDED = "embedded";

    public TargetSpec {
        auth = Map.copyOf(auth);
        options = Map.copyOf(options);
        java.util.Objects.requireNonNull(timeouts, "timeouts");
        java.util.Objects.requireNonNull(sim, "sim");
        java.util.Objects.requireNonNull(shard, "shard");
    }

    /** A target the daemon's replicas share by its name's hash. */
    public TargetSpec(String name, String kind, String url, Map<String, Object> auth, Map<String, Object> options,
                      Tls tls, Policy policy, Timeouts timeouts, Sim sim) {
        this(name, kind, url, auth, options, tls, policy, timeouts, sim, Optional.empty());
    }

    /**
     * {@code shard: K} of a target, and where it is written, so that a K beyond the replicas can be named.
     *
     * @param shard     the replica's ordinal, 0 or more
     * @param location  where {@code shard} is written in {@code switchboard.yaml}
     * @param fieldPath {@code targets.NAME.shard}
     */
    public record ShardPin(int shard, SourceLocation location, String fieldPath) {
    }

    /** A target with the default simulator settings. */
    public TargetSpec(String name, String kind, String url, Map<String, Object> auth, Map<String, Object> options,
                      Tls tls, Policy policy, Timeouts timeouts) {
        this(name, kind, url, auth, options, tls, policy, timeouts, Sim.DEFAULT);
    }

    /** A target with the default timeouts. */
    public TargetSpec(String name, String kind, String url, Map<String, Object> auth, Map<String, Object> options,
                      Tls tls, Policy policy) {
        this(name, kind, url, auth, options, tls, policy, Timeouts.DEFAULT);
    }

    /** This target with {@code newPolicy}. */
    public TargetSpec withPolicy(Policy newPolicy) {
        return new TargetSpec(name, kind, url, auth, options, tls, newPolicy, timeouts, sim, shard);
    }

    /**
     * {@code sim: { dialects: [olx.empty-list-404], options: { NAME: VALUE } }} of an embedded target: the
     * named dialects its simulator plays and knobs of its own, as {@code switchboard sim --dialect} and
     * {@code --sim-option} set them.
     *
     * @param dialects dialect names, {@code KIND.NAME} or {@code NAME}
     * @param options  simulator knobs by name, prefix removed
     */
    public record Sim(List<String> dialects, Map<String, String> options) {
        public static final Sim DEFAULT = new Sim(List.of(), Map.of());

        public Sim {
            dialects = List.copyOf(dialects);
            options = Map.copyOf(options);
        }
    }

    /**
     * {@code timeouts: { connect: 10s, read: 30s, call: 2m }} of a target.
     *
     * @param connect how long to wait for a connection
     * @param read    how long to wait for an answer once connected; a write with no answer by then has an
     *                unknown outcome
     * @param call    how long one call may take with all its retries and waits, so that a hung server
     *                holds a command for a bounded time
     */
    public record Timeouts(java.time.Duration connect, java.time.Duration read, java.time.Duration call) {
        public static final Timeouts DEFAULT = new Timeouts(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(2));
    }

    /** Names the credential fields, never their values, even those written as plain strings. */
    @Override
    public String toString() {
        return "TargetSpec[name=" + name + ", kind=" + kind + ", url=" + url + ", auth=" + new java.util.TreeSet<>(auth.keySet())
                + " (sensitive), options=" + options + ", tls=" + tls + ", policy=" + policy + ", timeouts=" + timeouts + (sim.equals(Sim.DEFAULT) ? "" : ", sim=" + sim)
                + shard.map(p -> ", shard=" + p.shard()).orElse("") + "]";
    }

    public boolean isEmbedded() {
        return EMBEDDED.equals(url);
    }

    /** An auth field as a string, revealing a secret: for providers building a login request only. */
    public Optional<String> credential(String field) {
        Object value = auth.get(field);
        if (value instanceof Secret secret) {
            return Optional.of(secret.reveal());
        }
        return Optional.ofNullable(value).map(Object::toString);
    }

    /**
     * @param caFile             a PEM bundle of CAs to trust in addition to none (empty: the JVM's)
     * @param insecureSkipVerify turn certificate verification off; warned about on every run
     */
    public record Tls(Optional<String> caFile, boolean insecureSkipVerify) {
        public static final Tls DEFAULT = new Tls(Optional.empty(), false);
    }

    /**
     * @param prune            delete live objects that no file declares instead of reporting them
     * @param readOnly         plan and report only, never apply
     * @param suspend          the daemon skips this target
     * @param maxDeletePercent refuse applies deleting more than this share of live objects
     * @param maxUpdatePercent refuse applies updating more than this share of live objects
     * @param parallelism      concurrent API calls against this target
     * @param protect          objects never to delete, even once no file declares them; kept apart from the
     *                         objects' own files so that removing a file does not remove its protection
     */
    public record Policy(boolean prune, boolean readOnly, boolean suspend,
                         int maxDeletePercent, int maxUpdatePercent, int parallelism, List<KeyPattern> protect) {
        public static final int DEFAULT_MAX_DELETE_PERCENT = 25;
        public static final int DEFAULT_MAX_UPDATE_PERCENT = 30;
        public static final int DEFAULT_PARALLELISM = 8;
        public static final Policy DEFAULT = new Policy(false, false, false,
                DEFAULT_MAX_DELETE_PERCENT, DEFAULT_MAX_UPDATE_PERCENT, DEFAULT_PARALLELISM);

        public Policy {
            protect = List.copyOf(protect);
        }

        /** A policy protecting nothing beyond the objects' own {@code protect: true}. */
        public Policy(boolean prune, boolean readOnly, boolean suspend, int maxDeletePercent, int maxUpdatePercent,
                      int parallelism) {
            this(prune, readOnly, suspend, maxDeletePercent, maxUpdatePercent, parallelism, List.of());
        }

        /** The entry of {@link #protect} that covers {@code key}, if any. */
        public Optional<KeyPattern> protection(ResourceKey key) {
            return protect.stream().filter(p -> p.matches(key)).findFirst();
        }

        public Policy withParallelism(int newParallelism) {
            return new Policy(prune, readOnly, suspend, maxDeletePercent, maxUpdatePercent, newParallelism, protect);
        }
    }
}
