/**
 * A stateful simulator of one XiVO's legacy web services (seed document {@code 004_8c03a267309b109f.txt}):
 * {@code json.php} under {@code /xivo/configuration/json.php/restricted/} (entities, mail) and
 * {@code /service/ipbx/json.php/restricted/} (lines, devices, users, pickups, free extensions), with the
 * document's status codes, {@code &sum=} answers 304, id-less add answers and the {@code linefeatures} rules,
 * plus the facts of the {@code xivo-web-interface} source the document leaves out.
 *
 * <p>Depends on {@code dev.switchboard.sim}, the JDK and Jackson only: it knows the vendor's document, not
 * Switchboard's model or provider.
 */
package dev.switchboard.systems.xivows.sim;
