/**
 * The only place that composes the pipeline: fetch live state, pair, diff, plan, gate, apply. Commands and the daemon call the engine, nothing below it.
 */
package dev.switchboard.engine;
