/**
 * The sipXconfig provider: the REST client of the calls it makes ({@code SipxconfigApi}), authenticated per
 * call as the user it acts on, the mapping between both JSON dialects (XStream-wrapped with alias names, bare
 * Jackson) and the desired-state shape, and one resource type per kind: the per-user settings and
 * conferences (singletons: update only) and the private phonebook entries (create, update, delete; found by
 * number, since a create answers no id).
 *
 * <p>Depends on {@code model}, {@code provider} and its system's kinds; never on the simulator, which it must
 * treat as it treats a real server.
 */
package dev.switchboard.systems.sipxconfig.provider;
