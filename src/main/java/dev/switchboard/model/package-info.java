/**
 * The vocabulary every other package speaks: resources identified by natural keys, the sets they
 * come in, target descriptions and secrets that mask themselves.
 *
 * <p>Pure data: depends on nothing but the JDK and Jackson annotations. Must not depend on Quarkus,
 * CDI, HTTP, JGit, or any other Switchboard package.
 */
package dev.switchboard.model;
