package dev.dbtool.cli;

import dev.dbtool.generators.commit.CommitMessageChecker;
import dev.dbtool.generators.commit.CommitMessageGenerator;
import dev.dbtool.generators.commit.ConventionalMessage;
import dev.dbtool.generators.commit.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "commit",
        description = "Write a Conventional Commits message for the staged change: type and scope from what changed, the schema's "
                + "semantic changes as subject and body, a BREAKING CHANGE footer when data or API is lost. Or check a message.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done (or the message passes), 1 nothing staged or the message breaks a rule, 2 usage, "
                + "3 not a git repository.", "",
            "Examples:",
            "  git add -A && dbtool commit                # print the message",
            "  dbtool commit --commit                     # commit the stage with it",
            "  dbtool commit --check .git/COMMIT_EDITMSG  # validate any message (also: --check -)",
            "  dbtool commit --install-hook               # run --check from git's commit-msg hook"})
final class CommitCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    static final class Mode {
        @Option(names = "--write", description = "Write the message to .git/COMMIT_EDITMSG instead of printing it.")
        boolean write;

        @Option(names = "--commit", description = "Commit the staged change with the message.")
        boolean commit;

        @Option(names = "--check", paramLabel = "FILE|-", description = "Check a message (a file, or - for standard input) against "
                + "Conventional Commits and @commitlint/config-conventional.")
        String check;

        @Option(names = "--install-hook", description = "Write .git/hooks/commit-msg running `dbtool commit --check`.")
        boolean installHook;
    }

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--force", description = "With --install-hook: replace an existing commit-msg hook.")
    boolean force;

    @Override
    public Integer call() {
        Environment env = root.environment;
        if (mode.check != null) return check(env);
        try (Git git = open(env)) {
            if (mode.installHook) return installHook(git, env);
            ConventionalMessage message;
            try {
                message = CommitMessageGenerator.generate(StagedChanges.read(git));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.FINDINGS, e.getMessage());
            }
            String text = message.render();
            if (mode.write) {
                Path file = git.getRepository().getDirectory().toPath().resolve("COMMIT_EDITMSG");
                AtomicFiles.write(file, text);
                env.out().println(env.display(file));
            } else if (mode.commit) {
                var commit = git.commit().setMessage(text).call();
                env.out().print(text);
                env.err().println("✔ Committed " + commit.getId().abbreviate(7).name() + ".");
            } else {
                env.out().print(text);
            }
            return ExitCodes.OK;
        } catch (IOException | GitAPIException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "git: " + e.getMessage(), e);
        }
    }

    private Git open(Environment env) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(env.workingDirectory().toFile());
        if (b.getGitDir() == null) throw new UserError(ExitCodes.ENVIRONMENT, "not a git repository: " + env.workingDirectory());
        try {
            return new Git(b.build());
        } catch (RepositoryNotFoundException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "not a git repository: " + env.workingDirectory(), e);
        }
    }

    private int check(Environment env) {
        String text;
        try {
            if (mode.check.equals("-")) {
                try (InputStream in = System.in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = Files.readString(env.resolve(mode.check));
            }
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read " + mode.check + ": " + e.getMessage(), e);
        }
        List<Violation> violations = CommitMessageChecker.check(text);
        for (Violation v : violations) env.err().println((v.error() ? "✖ " : "⚠ ") + v.message() + " [" + v.rule() + "]");
        long errors = violations.stream().filter(Violation::error).count();
        if (errors == 0) env.err().println("✔ The message follows Conventional Commits" + (violations.isEmpty() ? "." : " (with warnings)."));
        else env.err().println("✖ " + errors + " problem" + (errors == 1 ? "" : "s") + "; see https://www.conventionalcommits.org/en/v1.0.0/");
        return errors == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private int installHook(Git git, Environment env) throws IOException {
        Path hooks = git.getRepository().getDirectory().toPath().resolve("hooks");
        Path hook = hooks.resolve("commit-msg");
        if (Files.exists(hook) && !force) {
            throw new UserError(ExitCodes.FINDINGS, env.display(hook) + " exists; add --force to replace it");
        }
        Files.createDirectories(hooks);
        AtomicFiles.write(hook, "#!/bin/sh\n# Installed by `dbtool commit --install-hook`: every commit message must follow Conventional Commits.\n"
                + "exec dbtool commit --check \"$1\"\n");
        try {
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            hook.toFile().setExecutable(true);
        }
        env.out().println(env.display(hook));
        env.err().println("✔ Installed the commit-msg hook (it needs `dbtool` on the PATH).");
        return ExitCodes.OK;
    }
}
