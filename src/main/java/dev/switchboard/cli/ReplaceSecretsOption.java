package dev.switchboard.cli;

import picocli.CommandLine.Option;

/** {@code --replace-secrets}, for plan and apply: drift reports and never writes, so it has no use for it. */
public class ReplaceSecretsOption {

    @Option(names = "--replace-secrets",
            description = "Update write-only fields (passwords) although they cannot be compared with the server.")
    boolean replaceSecrets;
}
