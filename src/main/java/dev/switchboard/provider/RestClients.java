package dev.switchboard.provider;

import dev.switchboard.model.TargetSpec;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Builds the Quarkus REST Client of a provider for one target: base URI, timeouts and TLS as the
 * target declares it. Verification is always on unless the target says {@code insecureSkipVerify},
 * which is warned about every time.
 */
public final class RestClients {

    private static final Logger LOG = Logger.getLogger(RestClients.class);

    /** How long a call may take before its outcome is unknown. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private RestClients() {
    }

    /**
     * @param readTimeout the provider's own read timeout, used only where the target sets none of its own
     *                    ({@code timeouts.read} in {@code switchboard.yaml} wins)
     */
    public static <T> T build(Class<T> api, URI baseUri, TargetSpec target, Duration readTimeout,
                              Object... providers) {
        TargetSpec.Timeouts timeouts = target.timeouts();
        Duration read = timeouts.read().equals(TargetSpec.Timeouts.DEFAULT.read()) ? readTimeout : timeouts.read();
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                // Error statuses come back as Responses, not exceptions, so ApiCaller can re-authenticate,
                // retry and quote the server's message.
                .disableDefaultMapper(true);
        TargetSpec.Tls tls = target.tls();
        if (tls.insecureSkipVerify()) {
            LOG.warnf("target %s: TLS certificate verification is OFF (insecureSkipVerify: true)", target.name());
            builder.trustAll(true).verifyHost(false);
        } else if (tls.caFile().isPresent()) {
            builder.trustStore(trustStoreOf(target.name(), Path.of(tls.caFile().get())));
        }
        for (Object provider : providers) {
            builder.register(provider);
        }
        return builder.build(api);
    }

    /**
     * The message names the target and the field, and where a relative path was looked for: it is read from
     * the directory switchboard runs in, which a bare "cannot read the CA file ca.pem" left to guess.
     */
    private static KeyStore trustStoreOf(String target, Path pemBundle) {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new java.security.cert.CertificateException("no certificate");
            }
            return store;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException(caFile(target, pemBundle) + " does not exist: give the path of a PEM file"
                    + " of the CA that signed the server's certificate (a relative path starts where switchboard runs)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(caFile(target, pemBundle) + " cannot be read: " + Optional.ofNullable(
                    e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage()).orElse("an input/output error"), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(caFile(target, pemBundle) + " holds no readable PEM certificate: it should"
                    + " hold one or more -----BEGIN CERTIFICATE----- blocks", e);
        }
    }

    private static String caFile(String target, Path pemBundle) {
        Path absolute = pemBundle.toAbsolutePath().normalize();
        return "target " + target + ": tls.caFile " + pemBundle + (absolute.equals(pemBundle) ? "" : " (" + absolute + ")");
    }
}
