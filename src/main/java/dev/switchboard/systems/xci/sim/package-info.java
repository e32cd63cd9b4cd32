/**
 * A stateful simulator of the XiVO Centralized Interface (XCI) REST API 1.0, served under
 * {@code /api/1.0/} by {@link dev.switchboard.sim.SimServer}: cookie login, XiVOs, entities with their
 * number intervals, users, line templates and administrators, with the rules a real XCI enforces
 * (numbers free, and inside intervals only in {@link dev.switchboard.systems.xci.sim.XciDialects#NUMBERS_IN_INTERVALS}
 * since the document's own user 6260 is not; XiVO slots, conditional template fields, hashed passwords,
 * no update or delete of XiVOs).
 *
 * <p>Built from the vendor's document ({@code shared/seeds/002_77709212485c6515.txt}) only. Depends on
 * {@code dev.switchboard.sim}, the JDK and Jackson. Must not depend on {@code provider} or {@code model}:
 * it stands in for the server, so it must not share the client's assumptions.
 */
package dev.switchboard.systems.xci.sim;
