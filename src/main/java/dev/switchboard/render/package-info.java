/**
 * Renders plans and drift reports as text, JSON, Markdown and JUnit XML. Pure: depends on {@code model} and {@code plan} only; must never print a secret's value.
 */
package dev.switchboard.render;
