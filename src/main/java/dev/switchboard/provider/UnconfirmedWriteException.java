package dev.switchboard.provider;

import java.util.Optional;

/**
 * A write the server accepted (GWS {@code statusCode 0}) but that did not show on reading back within
 * the provider's bounded wait: neither applied nor failed. The server may still carry it out, or may
 * have lost it; the next plan shows what is still to do. {@code apply} reports it as {@code unconfirmed}
 * and exits 1.
 */
public class UnconfirmedWriteException extends ProviderException {

    /**
     * @param path   the write's path, as sent
     * @param waited how long the provider read back before giving up, in its own words ({@code 30 s})
     */
    public UnconfirmedWriteException(String target, Optional<String> object, String method, String path,
                                     int status, String waited) {
        super(target, object, method, path, status,
                "accepted, but not visible on reading back after " + waited + " (unconfirmed: the server may still "
                        + "carry it out, or may have lost it; the next plan shows what is still to do)",
                false, null);
    }
}
