/**
 * The {@code serve} daemon: scheduler, webhook, status and drift endpoints, metrics. Calls {@code engine} and {@code git}.
 */
package dev.switchboard.daemon;
