package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.system.TargetSystems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard completion bash|zsh|fish}: a shell completion script for every command and option, the
 * {@code -o} formats, and, read when TAB is pressed, the target names of the {@code switchboard.yaml} in
 * {@code -c DIR} (or the current directory) and the resource kinds of those targets. The bash script is
 * picocli's, which zsh runs through bashcompinit; the fish one is written here from the same command model.
 * {@code completion --list targets|kinds} is what the scripts call for the dynamic words.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script: source <(switchboard completion bash), or zsh, or fish.")
public class CompletionCommand implements Callable<Integer> {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Parameters(paramLabel = "SHELL", arity = "0..1", description = "bash, zsh or fish.")
    Optional<String> shell;

    @Option(names = "--list", hidden = true, description = "targets or kinds, one a line, for the scripts.")
    Optional<String> list;

    @Option(names = {"-c", "--config"}, hidden = true, defaultValue = ".")
    Path dir;

    @Spec
    CommandSpec spec;

    private final TargetSystems systems;

    public CompletionCommand(TargetSystems systems) {
        this.systems = systems;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list.isPresent()) {
            return list(list.get(), out);
        }
        CommandLine root = spec.root().commandLine();
        switch (shell.orElse("")) {
            case "bash", "zsh" -> out.print(bash(root));
            case "fish" -> out.print(fish(root));
            default -> {
                spec.commandLine().getErr().println("completion is for bash, zsh or fish"
                        + shell.map(s -> ", not '" + s + "'").orElse("") + ": switchboard completion bash");
                return ExitCodes.ERROR;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Picocli's script, with the target and kind options completed from the desired state when TAB is pressed. */
    static String bash(CommandLine root) {
        String generated = AutoComplete.bash("switchboard", root);
        String script = generated
                .replace(unCompleted("'-t'|'--target'"), completedFrom("'-t'|'--target'", "targets"))
                .replace(unCompleted("'--only'"), completedFrom("'--only'", "kinds"));
        if (script.equals(generated) || !script.contains("_switchboard_list kinds")) {
            throw new IllegalStateException("picocli's completion script has changed shape: -t and --only are not completed");
        }
        String lister = """

                # The words that depend on the desired state: the command being completed is asked for them, with
                # the -c DIR of the command line if there is one.
                function _switchboard_list() {
                  local dir="." i
                  for (( i=1; i < ${#COMP_WORDS[@]} - 1; i++ )); do
                    case "${COMP_WORDS[i]}" in
                      -c|--config) dir="${COMP_WORDS[i+1]}" ;;
                    esac
                  done
                  "${COMP_WORDS[0]}" completion --list "$1" -c "$dir" 2>/dev/null
                }
                """;
        int firstFunction = script.indexOf("\nfunction ");
        return script.substring(0, firstFunction) + lister + script.substring(firstFunction);
    }

    /** How picocli leaves an option with no candidates: no words. */
    private static String unCompleted(String pattern) {
        return "    " + pattern + ")\n      return\n      ;;";
    }

    private static String completedFrom(String pattern, String list) {
        return "    " + pattern + ")\n      local IFS=$'\\n'\n"
                + "      COMPREPLY=( $(compgen -W \"$(_switchboard_list " + list + ")\" -- \"${curr_word}\") )\n"
                + "      return 0\n      ;;";
    }

    /** {@code complete -c switchboard ...} lines for every subcommand and option. */
    static String fish(CommandLine root) {
        StringBuilder out = new StringBuilder("# switchboard completion for fish: switchboard completion fish | source\n");
        out.append("""
                complete -c switchboard -f
                function __switchboard_dir
                    set -l tokens (commandline -opc)
                    set -l i (contains -i -- -c $tokens; or contains -i -- --config $tokens)
                    if test -n "$i"; and test (count $tokens) -gt $i
                        echo $tokens[(math $i + 1)]
                    else
                        echo .
                    end
                end
                """);
        List<String> names = new ArrayList<>(root.getSubcommands().keySet());
        for (String name : names) {
            CommandSpec sub = root.getSubcommands().get(name).getCommandSpec();
            out.append("complete -c switchboard -n __fish_use_subcommand -a ").append(name).append(" -d ")
                    .append(quote(first(sub.usageMessage().description()))).append('\n');
        }
        for (String name : names) {
            CommandSpec sub = root.getSubcommands().get(name).getCommandSpec();
            for (OptionSpec option : sub.options()) {
                if (option.hidden()) {
                    continue;
                }
                out.append("complete -c switchboard -n '__fish_seen_subcommand_from ").append(name).append('\'');
                for (String optionName : option.names()) {
                    out.append(optionName.startsWith("--") ? " -l " + optionName.substring(2)
                            : " -s " + optionName.substring(1));
                }
                if (option.arity().max() > 0) {
                    out.append(" -r");
                    String words = words(option);
                    if (!words.isEmpty()) {
                        out.append(" -a ").append(words);
                    } else if (option.names()[0].equals("-c") || option.paramLabel().contains("FILE")) {
                        out.append(" -F");
                    }
                }
                out.append(" -d ").append(quote(first(option.description()))).append('\n');
            }
        }
        return out.toString();
    }

    private static String words(OptionSpec option) {
        List<String> names = List.of(option.names());
        if (names.contains("--target")) {
            return "'(switchboard completion --list targets -c (__switchboard_dir))'";
        }
        if (names.contains("--only")) {
            return "'(switchboard completion --list kinds -c (__switchboard_dir))'";
        }
        Iterable<String> candidates = option.completionCandidates();
        if (candidates == null) {
            return "";
        }
        List<String> all = new ArrayList<>();
        for (Iterator<String> it = candidates.iterator(); it.hasNext(); ) {
            all.add(it.next());
        }
        return all.isEmpty() ? "" : quote(String.join(" ", all));
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private int list(String what, PrintWriter out) {
        Path config = dir.resolve("switchboard.yaml");
        List<String> kindsDeclared = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        if (Files.isRegularFile(config)) {
            try {
                JsonNode declared = YAML.readTree(config.toFile()).path("targets");
                declared.fieldNames().forEachRemaining(name -> {
                    targets.add(name);
                    kindsDeclared.add(declared.path(name).path("kind").asText());
                });
            } catch (IOException e) {
                return ExitCodes.ERROR; // nothing to offer: the script shows no words
            }
        }
        switch (what) {
            case "targets" -> targets.forEach(out::println);
            case "kinds" -> {
                TreeSet<String> kinds = new TreeSet<>();
                for (TargetSystem system : systems.all()) {
                    if (kindsDeclared.isEmpty() || kindsDeclared.contains(system.targetKind())) {
                        system.kinds().stream().map(KindDescriptor::kind).forEach(k -> kinds.add(k.name()));
                    }
                }
                out.print(kinds.stream().map(k -> k + "\n").collect(Collectors.joining()));
            }
            default -> {
                spec.commandLine().getErr().println("--list takes targets or kinds, not " + what);
                return ExitCodes.ERROR;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
