/**
 * Stateful simulators of the APIs Switchboard drives, as real HTTP servers on loopback: the machinery
 * shared by all of them (server, request and response helpers, latency, failure rate, named faults,
 * state files) here; each system's simulator lives in its own package, {@code dev.switchboard.systems.KIND.sim}.
 *
 * <p>Depends on the JDK's HTTP server and Jackson only. Must not depend on any other Switchboard
 * package: a simulator knows the vendor's document, not Switchboard.
 */
package dev.switchboard.sim;
