/**
 * Carries out a plan through providers: {@link dev.switchboard.apply.TargetApplier} runs a target's
 * changes in dependency order with bounded parallelism ({@link dev.switchboard.apply.OrderedExecutor}),
 * resolves the IDs of objects created earlier in the same apply, looks a create whose answer was lost
 * up by natural key before trying it again, writes the {@link dev.switchboard.apply.Journal} line by
 * line, and records what write-only fields it sent ({@link dev.switchboard.apply.WriteOnlyFingerprints}).
 *
 * <p>Depends on {@code model}, {@code diff}, {@code plan} and the {@code provider} SPI. Must not decide
 * anything a plan decides (what to change, safety gates) and must not depend on {@code engine},
 * {@code cli} or {@code daemon}.
 */
package dev.switchboard.apply;
