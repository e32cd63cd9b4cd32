package dev.switchboard.desired;

import dev.switchboard.model.TargetSpec;
import java.util.Map;
import java.util.Set;

/**
 * The {@code settings:} of {@code switchboard.yaml}: defaults for every target.
 *
 * @param ignore        fields left unmanaged, by resource kind name
 * @param notifications the services the daemon notifies, their secrets unresolved
 * @param numberPlan    the groups of targets that share a dial plan ({@code numberPlan}); none by default
 * @param windows       {@code settings.windows}: when applies may run, per target
 * @param lock          {@code settings.lock} and {@code settings.lockNamespace}: where the per-target apply lock is held
 */
public record Settings(int parallelism, int maxDeletePercent, int maxUpdatePercent, Map<String, Set<String>> ignore,
                       Notifications notifications,
                       NumberPlan numberPlan,
                       ChangeWindows windows,
                       Lock lock) {

    /**
     * Where {@code apply} and {@code serve} hold the lock that lets one apply act on a target at a time.
     *
     * @param kind      {@code file} (default): an OS file lock under {@code .switchboard/locks/}, seen by applies on
     *                  this machine in this directory; {@code kubernetes}: a Lease per target, seen by every apply
     *                  and daemon replica with access to the cluster
     * @param namespace with {@code kubernetes}, the Leases' namespace; by default the Kubernetes client's
     */
    public record Lock(Kind kind, java.util.Optional<String> namespace) {

        public static final Lock FILE = new Lock(Kind.FILE, java.util.Optional.empty());

        public enum Kind { FILE, KUBERNETES }

        public Lock {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(namespace, "namespace");
        }
    }

    public static final Settings DEFAULT = new Settings(TargetSpec.Policy.DEFAULT_PARALLELISM,
            TargetSpec.Policy.DEFAULT_MAX_DELETE_PERCENT, TargetSpec.Policy.DEFAULT_MAX_UPDATE_PERCENT, Map.of(),
            Notifications.NONE);

    public Settings {
        ignore = Map.copyOf(ignore);
        java.util.Objects.requireNonNull(numberPlan, "numberPlan");
        java.util.Objects.requireNonNull(windows, "windows");
        java.util.Objects.requireNonNull(lock, "lock");
    }

    /** Settings without a number plan or change windows, locking with files. */
    public Settings(int parallelism, int maxDeletePercent, int maxUpdatePercent, Map<String, Set<String>> ignore,
                    Notifications notifications) {
        this(parallelism, maxDeletePercent, maxUpdatePercent, ignore, notifications, NumberPlan.NONE, ChangeWindows.NONE,
                Lock.FILE);
    }

    public Set<String> ignored(String kind) {
        return ignore.getOrDefault(kind, Set.of());
    }
}
