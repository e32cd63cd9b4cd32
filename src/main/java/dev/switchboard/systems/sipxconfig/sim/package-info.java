/**
 * The sipXconfig simulator: every call of seed 001 under {@code /sipxconfig/rest/my}, as the document and the
 * sipXecs source describe them (research notes 1a), with knobs for the readings they leave open
 * ({@link dev.switchboard.systems.sipxconfig.sim.SipxconfigSimOptions}).
 *
 * <p>Depends on the shared simulator plumbing ({@code dev.switchboard.sim}) and Jackson only: it stands in for
 * the vendor's server and shares none of the client's assumptions.
 */
package dev.switchboard.systems.sipxconfig.sim;
