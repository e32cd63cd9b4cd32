package dev.switchboard.systems.xci.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Administrator passwords as XCI returns them: never as sent, but salted and hashed. The document's
 * example is 64 base64 characters (48 bytes); this is base64(16-byte salt + SHA-256(salt + password)),
 * which has the same shape.
 */
final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(concat(salt, digest(salt, password)));
    }

    static boolean matches(String password, String hashed) {
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(hashed);
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
        if (stored.length <= SALT_BYTES) {
            return false;
        }
        byte[] salt = Arrays.copyOf(stored, SALT_BYTES);
        byte[] expected = Arrays.copyOfRange(stored, SALT_BYTES, stored.length);
        return MessageDigest.isEqual(expected, digest(salt, password));
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
