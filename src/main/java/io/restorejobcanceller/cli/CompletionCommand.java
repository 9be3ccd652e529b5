package io.restorejobcanceller.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Prints a completion script for bash or zsh.",
                "bash: source <(cancel-restore-jobs completion bash)   zsh: source <(cancel-restore-jobs completion zsh)"})
final class CompletionCommand {

    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = "bash", paramLabel = "SHELL", description = "bash or zsh (one script serves both).")
    Shell shell;

    /** picocli's script: it completes subcommands and options in bash, and in zsh through bashcompinit. */
    String script() {
        var root = spec.root().commandLine();
        return AutoComplete.bash(root.getCommandName(), root);
    }
}
