/**
 * The {@code serve} daemon (SPEC section 6): where the desired state comes from ({@code git} or a local
 * directory), the reconcile loop and its schedule, the status board, the HTTP endpoints (status, drift,
 * push webhook, reconcile), health and Prometheus metrics. It loads the desired state with
 * {@code desired}, plans and applies only through {@code engine}, reads {@code plan} and {@code apply}
 * results as data, and shows them through {@code render}; the only provider type it knows is the
 * {@code ApiObserver} it implements for metrics. It must not call providers, the diff or the
 * simulators directly.
 */
package dev.switchboard.daemon;
