/**
 * A stateful simulator of the Esna Officelinx Administrative REST API (seed document
 * {@code 000_d21a99793cecb84b.txt}): the OAuth2 token endpoint under {@code /UCOAuth2} and the
 * {@code EEAM*} resources under {@code /UCBusinessRest/api}, awkward parts included (case-insensitive
 * JSON keys, 404 for empty lists, hidden page size, IDs that are "the maximum plus one").
 *
 * <p>Depends on {@code dev.switchboard.sim}, the JDK and Jackson only. Must not depend on
 * {@code provider} or {@code model}: it knows the vendor's document, not Switchboard.
 */
package dev.switchboard.systems.officelinx.sim;
