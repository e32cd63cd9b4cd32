/**
 * The GWS client and provider: the REST client interface of the calls Switchboard makes, HTTP Basic
 * credentials, the {@code statusCode} table and its retry rules, the read-back that confirms each
 * asynchronous write, and the {@code user} resource type.
 *
 * <p>Depends on {@code model}, {@code provider} and the kinds of {@code systems.gws}; never on the
 * simulator, nor on plan, apply, engine, cli or daemon.
 */
package dev.switchboard.systems.gws.provider;
