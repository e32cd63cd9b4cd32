/**
 * The GWS 8.5 API v2 simulator: users, {@code /me}, the voice channel operation and the version call,
 * with writes carried out after a delay (or dropped) and a knob for each reading of the document.
 *
 * <p>Built from the vendor's document alone: depends on {@code dev.switchboard.sim} only, never on the
 * provider side.
 */
package dev.switchboard.systems.gws.sim;
