package dev.switchboard.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A share of requests answered with a fault drawn from a set of faults, the way a real network and server
 * fail: {@code switchboard sim --fault-mix 0.2} (20% of requests, every kind of {@link Fault}) or
 * {@code --fault-mix 0.2:error-500,reset-after}.
 *
 * <p>Which request gets which fault depends only on the seed and on the request itself (method, path,
 * body, and how many identical requests came before it), never on the order in which concurrent requests
 * arrive: a run with one seed and one client call at a time is replayed exactly.
 *
 * @param rate   share of requests, 0 to 1, that get a fault
 * @param faults the faults drawn from, each as likely as the others
 */
public record FaultMix(double rate, List<Fault> faults) {

    public static final FaultMix NONE = new FaultMix(0, List.of());

    public FaultMix {
        faults = List.copyOf(faults);
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("the fault rate is a share between 0 and 1, not " + rate);
        }
        if (rate > 0 && faults.isEmpty()) {
            throw new IllegalArgumentException("a fault mix needs at least one fault");
        }
    }

    /** {@code rate} of requests, every kind of fault. */
    public static FaultMix everyKind(double rate) {
        return new FaultMix(rate, List.copyOf(EnumSet.allOf(Fault.class)));
    }

    /**
     * Parses {@code RATE[:FAULT,FAULT...]}, as {@code --fault-mix} takes it.
     *
     * @throws IllegalArgumentException naming what is wrong and what is allowed
     */
    public static FaultMix parse(String spec) {
        String[] parts = spec.split(":", 2);
        double rate;
        try {
            rate = Double.parseDouble(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[0] + "' is not a share between 0 and 1 (write 0.2 for 20%)");
        }
        if (parts.length == 1 || parts[1].isBlank()) {
            return everyKind(rate);
        }
        List<Fault> faults = new ArrayList<>();
        for (String name : parts[1].split(",")) {
            faults.add(Fault.parse(name));
        }
        return new FaultMix(rate, faults);
    }


    /**
     * The fault for the {@code occurrence}-th request (from 0) identical to this one, or none.
     *
     * @param seed the run's seed
     */
    public Optional<Fault> draw(long seed, String method, String path, byte[] body, long occurrence) {
        if (rate <= 0) {
            return Optional.empty();
        }
        byte[] digest;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((seed + "\n" + method + "\n" + path + "\n" + occurrence + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            digest = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        double share = (bits >>> 11) * 0x1.0p-53;
        if (share >= rate) {
            return Optional.empty();
        }
        return Optional.of(faults.get((int) Math.floorMod(digest[8] * 256L + (digest[9] & 0xff), faults.size())));
    }

    @Override
    public String toString() {
        return rate + ":" + String.join(",", faults.stream().map(Fault::spelling).toList());
    }
}
