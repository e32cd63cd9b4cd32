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
 */
public record Settings(int parallelism, int maxDeletePercent, int maxUpdatePercent, Map<String, Set<String>> ignore,
                       Notifications notifications,
                       NumberPlan numberPlan,
                       ChangeWindows windows) {

    public static final Settings DEFAULT = new Settings(TargetSpec.Policy.DEFAULT_PARALLELISM,
            TargetSpec.Policy.DEFAULT_MAX_DELETE_PERCENT, TargetSpec.Policy.DEFAULT_MAX_UPDATE_PERCENT, Map.of(),
            Notifications.NONE);

    public Settings {
        ignore = Map.copyOf(ignore);
        java.util.Objects.requireNonNull(numberPlan, "numberPlan");
        java.util.Objects.requireNonNull(windows, "windows");
    }

    /** Settings without a number plan or change windows. */
    public Settings(int parallelism, int maxDeletePercent, int maxUpdatePercent, Map<String, Set<String>> ignore,
                    Notifications notifications) {
        this(parallelism, maxDeletePercent, maxUpdatePercent, ignore, notifications, NumberPlan.NONE, ChangeWindows.NONE);
    }

    public Set<String> ignored(String kind) {
        return ignore.getOrDefault(kind, Set.of());
    }
}
