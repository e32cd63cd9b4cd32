package dev.switchboard.daemon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's configuration (SPEC section 6), from {@code application.properties} or the environment:
 * {@code SWITCHBOARD_CONFIG}, {@code SWITCHBOARD_GIT_URL}, {@code SWITCHBOARD_GIT_BRANCH}, ... Every
 * property has a default or is optional, because every command loads this mapping; {@link DaemonOptions#from}
 * checks it when {@code serve} starts. Durations, the jitter, the mode and URLs are read as text and parsed by
 * {@link DaemonSettings} when {@code serve} starts: a malformed one is refused there naming its variable, where a
 * typed mapping would make every command fail at start with the config library's exception.
 * Secrets may be given inline or, as Kubernetes mounts them, in a file
 * ({@code *-file}); neither is ever logged or shown.
 */
@ConfigMapping(prefix = "switchboard")
public interface DaemonConfig {

    /** A local desired-state directory, reloaded on every run; exclusive with {@code git.url}. */
    Optional<Path> config();

    Git git();

    /** Shared secret of the push webhook's HMAC-SHA256 signature. */
    Optional<String> webhookSecret();

    Optional<Path> webhookSecretFile();

    /** Bearer token of {@code POST /api/v1/reconcile}. */
    Optional<String> apiToken();

    Optional<Path> apiTokenFile();

    /** Time between scheduled reconciles, before jitter. */
    @WithDefault("3m")
    String interval();

    /** Up to this share of {@link #interval()} is added at random to each wait, so replicas spread out. */
    @WithDefault("0.2")
    String jitter();

    /** {@code drift} or {@code apply} ({@link Mode}). */
    @WithDefault("drift")
    String mode();

    /** The first wait after a failed reconcile; it doubles with each further failure. */
    @WithDefault("5s")
    String retryInitial();

    @WithDefault("3m")
    String retryMax();

    /**
     * Where the daemon keeps its Git mirror and checkouts ({@code git/}) and the state that must outlive a
     * commit: embedded simulators ({@code .switchboard/sim/}) and apply journals ({@code .switchboard/journal/}).
     */
    @WithDefault(".switchboard/daemon")
    Path dataDir();

    /** Start reconciling when the application starts, without the {@code serve} command (tests, embedding). */
    @WithDefault("false")
    boolean autostart();

    /**
     * How often the loop looks at the clock to see whether a run or a poll is due; the interval, the poll
     * and the backoff decide when runs happen.
     */
    @WithDefault("1s")
    Duration tick();

    /** The longest shutdown waits for an apply in flight. */
    @WithDefault("10m")
    String shutdownGrace();

    /**
     * How many targets one pass reconciles at once ({@code SWITCHBOARD_CONCURRENT_TARGETS}); each target is
     * still reconciled once at a time, its own API calls bounded by its {@code parallelism}.
     */
    @WithDefault("4")
    String concurrentTargets();

    /**
     * How many replicas share the targets ({@code SWITCHBOARD_REPLICAS}, the StatefulSet's replicas); with
     * {@code 1} this replica reconciles every target.
     */
    @WithDefault("1")
    String replicas();

    /**
     * This replica's shard, {@code 0} to {@code replicas - 1} ({@code SWITCHBOARD_SHARD}); by default the
     * ordinal at the end of the hostname, as a StatefulSet names its pods ({@code switchboard-2}: 2).
     */
    Optional<String> shard();

    /**
     * {@code static} (default: {@link #replicas()} and {@link #shard()} fix the replicas) or
     * {@code kubernetes}: every replica holds a Lease of its own and the targets are shared among the
     * replicas whose Lease is unexpired ({@code SWITCHBOARD_MEMBERSHIP}).
     */
    @WithDefault("static")
    String membership();

    /** The Leases of {@code membership: kubernetes} and of the Lease lock. */
    Lease lease();

    interface Lease {

        /** The namespace of the Leases; by default the pod's own (the service account's namespace file). */
        Optional<String> namespace();

        /**
         * Who this replica is in its Lease's {@code holderIdentity}; by default the hostname ({@code HOSTNAME},
         * the pod's name in a StatefulSet).
         */
        Optional<String> identity();

        /** The value of the {@code switchboard.dev/fleet} label that the replicas of one fleet share. */
        @WithDefault("switchboard")
        String fleet();

        /** How long a Lease holds without renewal (the Java Operator SDK's default). */
        @WithDefault("15s")
        String duration();

        /** How long a holder keeps trying to renew before it counts itself out and stops applying. */
        @WithDefault("10s")
        String renewDeadline();

        /** The wait between renewals and between tries. */
        @WithDefault("2s")
        String retryPeriod();
    }

    /** Where the daemon tells people and forges what a reconcile found ({@code SWITCHBOARD_NOTIFY_*}). */
    @WithName("notify")
    Notify notifications();

    interface Git {

        /** https or ssh URL, local path or {@code file://} URL of the desired-state repository. */
        Optional<String> url();

        @WithDefault("main")
        String branch();

        /** The directory inside the repository that holds {@code switchboard.yaml}. */
        Optional<String> path();

        Optional<String> token();

        Optional<Path> tokenFile();

        /** Sent with the token: {@code x-access-token} suits GitHub, {@code oauth2} GitLab. */
        @WithDefault("x-access-token")
        String tokenUsername();

        Optional<Path> sshKeyFile();

        Optional<Path> knownHostsFile();

        /** How often the branch is fetched to look for a new commit, between scheduled reconciles. */
        @WithDefault("1m")
        String poll();
    }

    /**
     * The notification services, each off until its address is set. Each is told about the events of
     * {@code on} (default: every one) for the targets of {@code targets} (default: every one), its own
     * {@code on}/{@code targets} overriding those. Every secret may be given inline or in a file. The
     * {@code settings.notifications} of the commit in force add their services ({@link Notifier}); a service
     * configured both here and there is this one.
     */
    interface Notify {

        @WithDefault("drift,applied,failed,blocked,unconfirmed")
        List<String> on();

        Optional<List<String>> targets();

        /** A generic webhook: JSON, signed with HMAC-SHA256 of the body when {@code secret} is set. */
        Webhook webhook();

        /** A Slack incoming webhook; its URL is a secret. */
        Chat slack();

        /** A Microsoft Teams incoming webhook; its URL is a secret. */
        Chat teams();

        /** A commit status on GitHub: {@code repository} is {@code owner/name}. */
        Forge github();

        /** A commit status on GitLab: {@code repository} is the project's ID or path. */
        Forge gitlab();
    }

    interface Webhook {
        Optional<String> url();

        Optional<String> secret();

        Optional<Path> secretFile();

        Optional<List<String>> on();

        Optional<List<String>> targets();
    }

    interface Chat {
        Optional<String> url();

        Optional<Path> urlFile();

        Optional<List<String>> on();

        Optional<List<String>> targets();
    }

    interface Forge {
        Optional<String> repository();

        /** The API's base URL; empty for github.com's or gitlab.com's. */
        Optional<String> api();

        Optional<String> token();

        Optional<Path> tokenFile();

        Optional<List<String>> on();

        Optional<List<String>> targets();
    }

    /** What a reconcile does with the changes it finds. */
    enum Mode {
        /** Report drift only. */
        DRIFT,
        /** Apply the changes, within the safety gates; read-only targets are only reported. */
        APPLY
    }
}
