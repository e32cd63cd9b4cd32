package dev.switchboard.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret of the daemon's own (webhook secret, API token, Git token): compared in constant time and
 * never printed; {@link #toString()} masks it.
 */
public final class SharedSecret {

    private static final String SIGNATURE_PREFIX = "sha256=";

    private final byte[] value;

    private SharedSecret(String value) {
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    public static SharedSecret of(String value) {
        return new SharedSecret(value);
    }

    /**
     * The secret given inline or, as Kubernetes mounts secrets, in a file (trailing newline dropped);
     * empty when neither is set.
     *
     * @param name the environment variable, for the message when both are set or the file is unreadable
     * @throws DaemonConfigException when both are set, or the file cannot be read or is empty
     */
    static Optional<SharedSecret> read(String name, Optional<String> inline, Optional<Path> file) {
        if (inline.isPresent() && file.isPresent()) {
            throw new DaemonConfigException("set only one of " + name + " and " + name + "_FILE");
        }
        if (file.isPresent()) {
            try {
                String content = Files.readString(file.get()).strip();
                if (content.isEmpty()) {
                    throw new DaemonConfigException(name + "_FILE " + file.get() + " is empty");
                }
                return Optional.of(new SharedSecret(content));
            } catch (IOException e) {
                throw new DaemonConfigException(name + "_FILE " + file.get() + " cannot be read ("
                        + dev.switchboard.desired.SecretResolver.reason(e) + ")");
            }
        }
        return inline.filter(v -> !v.isEmpty()).map(SharedSecret::new);
    }

    String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Whether {@code candidate} is this secret, in time that does not depend on where they differ. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(value, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code header} is GitHub's {@code X-Hub-Signature-256} of {@code body} with this secret:
     * {@code sha256=} and the hex HMAC-SHA256, compared in constant time.
     */
    public boolean signed(byte[] body, String header) {
        if (!header.startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(SIGNATURE_PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), given);
    }

    /** The HMAC-SHA256 of {@code body} with this secret. */
    public byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "(sensitive)";
    }
}
