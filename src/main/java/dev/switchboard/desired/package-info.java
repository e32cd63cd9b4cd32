/**
 * Reading a desired-state directory: {@code switchboard.yaml} and the resource files below it are
 * parsed with their locations, checked against the JSON Schemas, their secret references resolved,
 * and turned into one {@link dev.switchboard.model.ResourceSet} per target with references checked.
 * Every problem is collected with file, line, column, field path and a hint; none is a stack trace. A
 * reader may report a problem as a warning ({@link dev.switchboard.desired.Problem#warningAt}): it is
 * kept apart ({@link dev.switchboard.desired.LoadResult#warnings()}) and leaves the state valid.
 *
 * <p>What is generic lives here and serves every system: YAML with locations ({@link
 * dev.switchboard.desired.YamlObject}), schema validation, secret references, reference checks, "did you
 * mean" hints, and export to YAML. What a system's files hold is its own {@link
 * dev.switchboard.desired.ResourceFileFormat} (schema, reader, writer, target fields), given to the
 * loader by the engine; this package names no system.
 *
 * <p>Depends on {@code model}, Jackson and the JSON Schema validator. Must not depend on providers,
 * HTTP, Quarkus or CDI: loading is pure and works offline.
 */
package dev.switchboard.desired;
