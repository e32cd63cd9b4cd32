package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a desired-state directory (SPEC section 2): {@code switchboard.yaml} and every {@code *.yaml}
 * below it that has {@code target:}. Hidden directories ({@code .git}, {@code .switchboard}) are not
 * searched. Everything wrong is reported in one go, each problem with file, line, column, field path and
 * a hint.
 */
public final class DesiredStateLoader {

    public static final String CONFIG_FILE = "switchboard.yaml";

    private final YamlReader yaml = new YamlReader();
    private final Map<String, ResourceFileFormat> formats = new LinkedHashMap<>();
    private final Schemas schemas;
    private final SchemaValidator validator;
    private final List<NumberField> numberFields;

    /** @param formats the file formats of the installed target systems: the kinds a target may have */
    public DesiredStateLoader(List<ResourceFileFormat> formats) {
        this(formats, List.of());
    }

    /**
     * @param formats      the file formats of the installed target systems: the kinds a target may have
     * @param numberFields the fields of their kinds that hold extensions and mailboxes, for {@code settings.numberPlan}
     */
    public DesiredStateLoader(List<ResourceFileFormat> formats, List<NumberField> numberFields) {
        formats.forEach(f -> this.formats.put(f.targetKind(), f));
        this.schemas = new Schemas(formats);
        this.validator = new SchemaValidator(schemas);
        this.numberFields = List.copyOf(numberFields);
    }

    /** The schemas this loader checks files against. */
    public Schemas schemas() {
        return schemas;
    }

    /** Loads {@code dir}, reading secrets from the process environment. */
    public LoadResult load(Path dir) {
        return load(dir, SecretResolver.fromProcessEnvironment(dir));
    }

    public LoadResult load(Path dir, SecretResolver secrets) {
        return load(dir, secrets, Set.of());
    }

    /**
     * Loads {@code dir} for a run on {@code targets} only (empty: every target): the whole desired state is
     * read and checked, but a secret of another target whose value is not there is left
     * {@linkplain dev.switchboard.model.Secret#unresolved unresolved} rather than reported, so that
     * {@code export -t X} or {@code plan -t X} needs only X's secrets.
     */
    public LoadResult load(Path dir, Set<String> targets) {
        return load(dir, SecretResolver.fromProcessEnvironment(dir), targets);
    }

    public LoadResult load(Path dir, SecretResolver secrets, Set<String> targets) {
        LoadContext context = new LoadContext(secrets, targets);
        Optional<DesiredState> state = read(dir.toAbsolutePath().normalize(), context);
        return new LoadResult(context.problems.isEmpty() ? state : Optional.empty(), context.problems, context.warnings);
    }

    /**
     * The targets {@code dir}'s {@code switchboard.yaml} declares, read and checked alone with the secrets of
     * {@code selected} (every target when empty), as {@link #load(Path, Set)} reads them: for a command that
     * starts reading live state while the rest loads. Empty when {@code switchboard.yaml} has a problem of its
     * own, which the whole load then reports.
     */
    public Optional<Map<String, TargetSpec>> targets(Path dir, Set<String> selected) {
        Path absolute = dir.toAbsolutePath().normalize();
        LoadContext context = new LoadContext(SecretResolver.fromProcessEnvironment(dir), selected);
        if (!Files.isRegularFile(absolute.resolve(CONFIG_FILE))) {
            return Optional.empty();
        }
        Optional<YamlDocument> config = parse(absolute, Path.of(CONFIG_FILE), context.problems);
        if (config.isEmpty() || !requireMapping(config.get(), context.problems)) {
            return Optional.empty();
        }
        validator.validate(Schemas.CONFIG, config.get(), context.problems);
        YamlObject root = new YamlObject(config.get(), "", Schemas.CONFIG, context);
        Map<String, TargetSpec> targets = ConfigReader.targets(root, ConfigReader.settings(root), formats, context);
        return context.problems.isEmpty() ? Optional.of(targets) : Optional.empty();
    }

    /** Which schema properties the readers consumed in a load, by schema definition; for tests. */
    Map<String, java.util.Set<String>> propertiesRead(Path dir, SecretResolver secrets) {
        LoadContext context = new LoadContext(secrets);
        read(dir.toAbsolutePath().normalize(), context);
        return context.readProperties;
    }

    private Optional<DesiredState> read(Path dir, LoadContext context) {
        List<Problem> problems = context.problems;
        Path configFile = Path.of(CONFIG_FILE);
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.at(SourceLocation.startOf(dir), "", "no such directory",
                    "pass the desired-state directory with -c DIR"));
            return Optional.empty();
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            problems.add(Problem.at(SourceLocation.startOf(configFile), "", "there is no " + CONFIG_FILE + " in " + dir,
                    "create one with apiVersion: switchboard/v1 and your targets (see examples/quickstart), or pass -c DIR"));
            return Optional.empty();
        }
        Optional<YamlDocument> config = parse(dir, configFile, problems);
        Settings settings = Settings.DEFAULT;
        Map<String, TargetSpec> targets = new LinkedHashMap<>();
        if (config.isPresent() && requireMapping(config.get(), problems)) {
            validator.validate(Schemas.CONFIG, config.get(), problems);
            YamlObject root = new YamlObject(config.get(), "", Schemas.CONFIG, context);
            root.text("apiVersion");
            settings = ConfigReader.settings(root, numberFields);
            targets = ConfigReader.targets(root, settings, formats, context);
        }

        List<Path> resourceFiles = new ArrayList<>();
        for (Path file : yamlFiles(dir, problems)) {
            Optional<YamlDocument> document = parse(dir, file, problems);
            if (document.isEmpty() || !document.get().root().isObject() || !document.get().root().has("target")) {
                continue;
            }
            resourceFiles.add(file);
            readResources(document.get(), targets, settings, context);
        }
        context.reading(null);
        checkReferences(context);
        if (!settings.numberPlan().scopes().isEmpty()) {
            Map<String, java.util.Collection<Resource>> declared = new LinkedHashMap<>();
            targets.keySet().forEach(t -> declared.put(t, context.declared(t).values()));
            problems.addAll(NumberPlanCheck.check(settings.numberPlan(), declared));
        }

        Map<String, ResourceSet> resources = new LinkedHashMap<>();
        for (String target : targets.keySet()) {
            resources.put(target, ResourceSet.of(target, context.declared(target).values()));
        }
        return Optional.of(new DesiredState(dir, settings, targets, resources, resourceFiles));
    }

    private void readResources(YamlDocument document, Map<String, TargetSpec> targets, Settings settings,
                               LoadContext context) {
        JsonNode targetNode = document.root().get("target");
        SourceLocation at = document.locationOf("/target");
        if (!targetNode.isTextual()) {
            context.problems.add(Problem.at(at, "target", "must be the name of a target, a string", "write target: NAME"));
            return;
        }
        String name = targetNode.asText();
        TargetSpec target = targets.get(name);
        context.reading(name);
        if (target == null) {
            String hint = Suggestions.closest(name, targets.keySet()).map(s -> "did you mean '" + s + "'?")
                    .orElse(targets.isEmpty() ? "declare it under targets: in " + CONFIG_FILE
                            : "declare it in " + CONFIG_FILE + ", or use one of: " + String.join(", ", targets.keySet()));
            context.problems.add(Problem.at(at, "target", "target '" + name + "' is not declared in " + CONFIG_FILE, hint));
            return;
        }
        ResourceFileFormat format = formats.get(target.kind());
        if (format == null) {
            return;
        }
        validator.validate(format.schemaName(), document, context.problems);
        YamlObject root = new YamlObject(document, "", format.schemaName(), context);
        root.text("target");
        format.reader().read(root, new ResourceFileContext(context, target, settings));
    }

    private static void checkReferences(LoadContext context) {
        for (LoadContext.PendingReference reference : context.references()) {
            Map<ResourceKey, Resource> declared = context.declared(reference.target());
            if (declared.containsKey(reference.to())) {
                continue;
            }
            // The alternatives are written as the reference is: a feature group by its number inside its company
            // (57, not Acme/57), a XiVO line by its whole context/number, as the message quotes it (default/4000,
            // where "use one of: 4000" sent the user to write what is refused again).
            boolean writtenWhole = reference.missing().contains(reference.to().path());
            List<String> candidates = declared.keySet().stream()
                    .filter(k -> k.kind().equals(reference.to().kind()))
                    .filter(k -> k.parts().size() < 2
                            || k.parts().get(0).equals(reference.to().parts().get(0)))
                    .map(k -> k.parts().size() < 2 || writtenWhole ? k.path()
                            : k.path().substring(k.parts().get(0).length() + 1))
                    .toList();
            String hint = candidates.isEmpty()
                    ? "declare it in a file of target " + reference.target()
                    : "declare it, or use one of: " + String.join(", ", candidates);
            context.problems.add(Problem.at(reference.at(), reference.fieldPath(), reference.missing(), hint));
        }
    }

    private Optional<YamlDocument> parse(Path dir, Path relative, List<Problem> problems) {
        try {
            return yaml.read(relative, Files.readAllBytes(dir.resolve(relative)), problems);
        } catch (IOException e) {
            problems.add(Problem.at(SourceLocation.startOf(relative), "", "cannot read the file ("
                    + SecretResolver.reason(e) + ")", "check that it exists and is readable"));
            return Optional.empty();
        }
    }

    private static boolean requireMapping(YamlDocument document, List<Problem> problems) {
        if (document.root().isObject()) {
            return true;
        }
        problems.add(Problem.at(document.locationOf(""), "", "the file must be a mapping (key: value lines)",
                "start it with apiVersion: switchboard/v1"));
        return false;
    }

    /**
     * The YAML files below {@code dir}, relative to it, sorted. Hidden directories ({@code .git},
     * {@code .switchboard}) and directories holding a {@code switchboard.yaml} of their own (another
     * desired state, such as a checkout of Switchboard itself in a CI workspace) are not searched.
     */
    private static List<Path> yamlFiles(Path dir, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path visited, BasicFileAttributes attributes) {
                    if (visited.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean hidden = visited.getFileName().toString().startsWith(".");
                    return hidden || Files.exists(visited.resolve(CONFIG_FILE))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    Path relative = dir.relativize(file);
                    if (attributes.isRegularFile() && !name.startsWith(".") && !relative.equals(Path.of(CONFIG_FILE))
                            && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        files.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.at(SourceLocation.startOf(dir), "", "cannot list the directory: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }}
