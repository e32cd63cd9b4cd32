/**
 * The provider of {@code xivo-ws} targets: the {@code json.php} calls as a REST client, run through the
 * shared {@code ApiCaller}, a cache of the last answer of every list and view with its md5 ({@code &sum=}),
 * the mapping between the API's objects and the desired-state shape, and one {@code ResourceType} per kind
 * implementing what the API allows.
 *
 * <p>Depends on {@code model}, {@code provider} and the JAX-RS client only; never on another system's package.
 */
package dev.switchboard.systems.xivows.provider;
