/**
 * Pairs desired and live objects by natural key and compares their declared fields through per-kind normalizers. Pure: depends on {@code model} only; no Quarkus, CDI, HTTP or JGit.
 */
package dev.switchboard.diff;
