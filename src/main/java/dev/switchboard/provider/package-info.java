/**
 * The provider side of the target-system SPI: what a system's provider offers Switchboard (fetch live
 * state; create, update, delete by kind, each a capability of its own) and the HTTP plumbing every
 * system's provider shares (REST clients with TLS settings, retries, re-authentication, metrics, errors
 * that name what failed). Names no system: each lives in its package under {@code dev.switchboard.systems}.
 *
 * <p>Depends on {@code model} only. Must not depend on {@code diff}, {@code plan}, {@code apply},
 * {@code engine}, {@code cli} or {@code daemon}: providers map and write, they do not decide.
 */
package dev.switchboard.provider;
