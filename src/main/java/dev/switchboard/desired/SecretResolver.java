package dev.switchboard.desired;

import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code ${env:NAME}} and {@code ${file:PATH}} into {@link Secret}s. A reference is the whole
 * value; a missing variable or unreadable file is a {@link Problem} naming the variable or path, never
 * the value. Relative file paths are relative to the desired-state directory.
 */
public final class SecretResolver {

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z]+):([^}]*)}$");
    private static final Pattern EMBEDDED = Pattern.compile("\\$\\{(env|file):");

    private final Function<String, Optional<String>> environment;
    private final Path baseDir;

    public SecretResolver(Function<String, Optional<String>> environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    /** Reads the process environment. */
    public static SecretResolver fromProcessEnvironment(Path baseDir) {
        return new SecretResolver(name -> Optional.ofNullable(System.getenv(name)), baseDir);
    }

    /**
     * Whether {@code raw} is a reference of a known source naming something ({@code ${env:NAME}},
     * {@code ${file:PATH}}): one whose only possible problem is that its value is not there.
     */
    static boolean wellFormed(String raw) {
        Matcher reference = REFERENCE.matcher(raw);
        return reference.matches() && (reference.group(1).equals("env") || reference.group(1).equals("file"))
                && !reference.group(2).isBlank();
    }

    public static boolean isReference(String raw) {
        return REFERENCE.matcher(raw).matches();
    }

    /**
     * Checks the form of a reference without resolving it, for secrets that another process resolves (the
     * daemon's notification services): adds the problem {@link #resolve} would add for a malformed one.
     */
    public static void checkReference(String raw, SourceLocation location, String fieldPath, List<Problem> problems) {
        Matcher reference = REFERENCE.matcher(raw);
        if (!reference.matches()) {
            problems.add(Problem.at(location, fieldPath, "a secret reference must be the whole value",
                    "write the field as exactly ${env:NAME} or ${file:PATH}, with nothing around it"));
        } else if (reference.group(2).trim().isEmpty()) {
            problems.add(Problem.at(location, fieldPath, "the secret reference " + raw + " names nothing",
                    "write ${env:NAME} or ${file:PATH}"));
        } else if (!reference.group(1).equals("env") && !reference.group(1).equals("file")) {
            problems.add(Problem.at(location, fieldPath, "unknown secret source '" + reference.group(1) + "'",
                    "use ${env:NAME} or ${file:PATH}"));
        }
    }

    /**
     * @return {@code raw} itself when it is no reference, the {@link Secret} when it is one that
     *         resolves, empty (with a problem added) when it does not
     */
    public Optional<Object> resolve(String raw, SourceLocation location, String fieldPath, List<Problem> problems) {
        Matcher reference = REFERENCE.matcher(raw);
        if (!reference.matches()) {
            if (EMBEDDED.matcher(raw).find()) {
                problems.add(Problem.at(location, fieldPath, "a secret reference must be the whole value",
                        "write the field as exactly ${env:NAME} or ${file:PATH}, with nothing around it"));
                return Optional.empty();
            }
            return Optional.of(raw);
        }
        String source = reference.group(1);
        String name = reference.group(2).trim();
        if (name.isEmpty()) {
            problems.add(Problem.at(location, fieldPath, "the secret reference " + raw + " names nothing",
                    "write ${env:NAME} or ${file:PATH}"));
            return Optional.empty();
        }
        switch (source) {
            case "env" -> {
                Optional<String> value = environment.apply(name);
                if (value.isEmpty()) {
                    problems.add(Problem.at(location, fieldPath, "the environment variable " + name + " is not set",
                            "export " + name + " before running switchboard"));
                    return Optional.empty();
                }
                return Optional.of(Secret.fromReference(raw, value.get()));
            }
            case "file" -> {
                Path path = baseDir.resolve(name);
                try {
                    String content = Files.readString(path, StandardCharsets.UTF_8);
                    return Optional.of(Secret.fromReference(raw, stripFinalNewline(content)));
                } catch (NoSuchFileException e) {
                    problems.add(Problem.at(location, fieldPath, "the secret file " + name + " does not exist",
                            "create it, or correct the path (relative paths start at the desired-state directory)"));
                } catch (IOException | RuntimeException e) {
                    problems.add(Problem.at(location, fieldPath, "the secret file " + name + " cannot be read ("
                            + reason(e) + ")", "check its permissions and that it is UTF-8 text"));
                }
                return Optional.empty();
            }
            default -> {
                problems.add(Problem.at(location, fieldPath, "unknown secret source '" + source + "'",
                        "use ${env:NAME} or ${file:PATH}"));
                return Optional.empty();
            }
        }
    }

    /**
     * Why a file could not be read, in words: never a Java exception's name, and not the path again
     * (an {@link java.nio.file.AccessDeniedException}'s message is only the path).
     */
    public static String reason(Exception e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            // Its message is the path itself, said already: only the operating system's reason is worth saying.
            return f.getReason() == null || f.getReason().isBlank() ? "an input/output error"
                    : Character.toLowerCase(f.getReason().charAt(0)) + f.getReason().substring(1);
        }
        String reason = e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "an input/output error";
        }
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    private static String stripFinalNewline(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
}
