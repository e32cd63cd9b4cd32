package dev.switchboard.daemon;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the targets are shared among the daemon's replicas (SPEC section 6), parsed from
 * {@code SWITCHBOARD_REPLICAS}, {@code SWITCHBOARD_SHARD}, {@code SWITCHBOARD_MEMBERSHIP} and
 * {@code SWITCHBOARD_LEASE_*} when {@code serve} starts.
 *
 * @param replicas   how many replicas share the targets with static membership; the bound of {@code shard: K}
 * @param shard      this replica's shard when {@code SWITCHBOARD_SHARD} sets it; otherwise the hostname's ordinal
 * @param membership static, or Kubernetes Leases
 * @param lease      the Leases' namespace, identity, fleet label and timings
 */
public record FleetSettings(int replicas, OptionalInt shard, Membership membership, LeaseSettings lease) {

    /** Who shares the targets. */
    public enum Membership {
        /** {@code SWITCHBOARD_REPLICAS} replicas, shards 0 to N-1, fixed until a restart. */
        STATIC,
        /** The replicas whose Lease is unexpired, followed as they come and go. */
        KUBERNETES
    }

    /** A single replica that reconciles every target. */
    public static final FleetSettings SINGLE = new FleetSettings(1, OptionalInt.empty(), Membership.STATIC,
            LeaseSettings.DEFAULT);

    private static final Pattern ORDINAL = Pattern.compile(".*-(\\d+)$");

    /**
     * @param namespace     empty: the pod's own namespace
     * @param identity      empty: the hostname
     * @param fleet         the {@code switchboard.dev/fleet} label the replicas of one fleet share
     * @param duration      how long a Lease holds unrenewed
     * @param renewDeadline how long a holder tries to renew before it counts itself out
     * @param retryPeriod   between renewals
     */
    public record LeaseSettings(Optional<String> namespace, Optional<String> identity, String fleet, Duration duration,
                                Duration renewDeadline, Duration retryPeriod) {
        /** The Java Operator SDK's defaults: 15 s, 10 s, 2 s. */
        public static final LeaseSettings DEFAULT = new LeaseSettings(Optional.empty(), Optional.empty(), "switchboard",
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** @throws DaemonConfigException naming the first setting that is malformed */
    static FleetSettings of(DaemonConfig config) {
        int replicas = DaemonSettings.count("SWITCHBOARD_REPLICAS", config.replicas(), "replicas");
        OptionalInt shard = OptionalInt.empty();
        if (config.shard().isPresent() && !config.shard().get().isBlank()) {
            String text = config.shard().get().trim();
            try {
                shard = OptionalInt.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new DaemonConfigException("SWITCHBOARD_SHARD is '" + text + "', which is no shard number: write 0 to "
                        + (replicas - 1) + ", or leave it unset to take the ordinal of the hostname (switchboard-2: 2)");
            }
            if (shard.getAsInt() < 0 || shard.getAsInt() >= replicas) {
                throw new DaemonConfigException("SWITCHBOARD_SHARD is " + text + ", but SWITCHBOARD_REPLICAS is " + replicas
                        + ": the shards are 0 to " + (replicas - 1));
            }
        }
        Membership membership;
        try {
            membership = Membership.valueOf(config.membership().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DaemonConfigException("SWITCHBOARD_MEMBERSHIP is '" + config.membership()
                    + "': write static (SWITCHBOARD_REPLICAS fixed replicas) or kubernetes (a Lease per replica)");
        }
        DaemonConfig.Lease lease = config.lease();
        Duration duration = DaemonSettings.duration("SWITCHBOARD_LEASE_DURATION", lease.duration());
        Duration renew = DaemonSettings.duration("SWITCHBOARD_LEASE_RENEW_DEADLINE", lease.renewDeadline());
        Duration retry = DaemonSettings.duration("SWITCHBOARD_LEASE_RETRY_PERIOD", lease.retryPeriod());
        if (retry.isZero() || retry.compareTo(renew) >= 0 || renew.compareTo(duration) >= 0) {
            throw new DaemonConfigException("SWITCHBOARD_LEASE_RETRY_PERIOD (" + lease.retryPeriod()
                    + ") must be shorter than SWITCHBOARD_LEASE_RENEW_DEADLINE (" + lease.renewDeadline()
                    + "), and that shorter than SWITCHBOARD_LEASE_DURATION (" + lease.duration()
                    + "): a replica must count itself out before the others take its targets; the defaults are 2s, 10s, 15s");
        }
        return new FleetSettings(replicas, shard, membership, new LeaseSettings(lease.namespace().filter(n -> !n.isBlank()),
                lease.identity().filter(i -> !i.isBlank()), lease.fleet(), duration, renew, retry));
    }

    /**
     * This replica's shard with static membership: {@code SWITCHBOARD_SHARD}, else the ordinal at the end of
     * {@code hostname} ({@code switchboard-2}: 2), else 0 for a single replica.
     *
     * @throws DaemonConfigException when there are several replicas and neither says which this one is
     */
    public int shardOf(String hostname) {
        if (shard.isPresent()) {
            return shard.getAsInt();
        }
        OptionalInt ordinal = ordinal(hostname);
        if (ordinal.isEmpty()) {
            if (replicas == 1) {
                return 0;
            }
            throw new DaemonConfigException("SWITCHBOARD_REPLICAS is " + replicas + ", but the hostname '" + hostname
                    + "' does not end in an ordinal as a StatefulSet's pods do (switchboard-2): set SWITCHBOARD_SHARD");
        }
        if (ordinal.getAsInt() >= replicas) {
            throw new DaemonConfigException("the hostname '" + hostname + "' says shard " + ordinal.getAsInt()
                    + ", but SWITCHBOARD_REPLICAS is " + replicas + ": set it to the StatefulSet's replicas");
        }
        return ordinal.getAsInt();
    }

    /** The number after the last {@code -} of a hostname, as a StatefulSet numbers its pods. */
    public static OptionalInt ordinal(String hostname) {
        Matcher m = ORDINAL.matcher(hostname.trim());
        if (!m.matches() || m.group(1).length() > 6) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
}
