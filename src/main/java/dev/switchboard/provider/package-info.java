/**
 * The provider SPI: what a target system must offer Switchboard (fetch live state; create, update,
 * delete by kind, each a capability of its own) and the HTTP plumbing providers share (retries,
 * errors that name what failed).
 *
 * <p>Depends on {@code model} only. Must not depend on {@code diff}, {@code plan}, {@code apply},
 * {@code engine}, {@code cli} or {@code daemon}: providers map and write, they do not decide.
 */
package dev.switchboard.provider;
