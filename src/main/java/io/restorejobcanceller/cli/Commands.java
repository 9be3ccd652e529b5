package io.restorejobcanceller.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.restorejobcanceller.database.ResultsDatabase;

import picocli.CommandLine.IFactory;
import picocli.CommandLine;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the command the {@link Invocation} names once the context has started: the subcommand is made by Spring (its
 * collaborators injected), its {@code call()} gives the exit code, and an expected failure becomes one line on
 * standard error with its exit code (see {@link Failure}).
 */
@Component
class Commands implements ApplicationRunner, ExitCodeGenerator {

    private final Invocation invocation;
    private final AutowireCapableBeanFactory beans;
    private final ResultsDatabase database;
    private int exitCode = ExitCode.OK;

    Commands(Invocation invocation, AutowireCapableBeanFactory beans, ResultsDatabase database) {
        this.invocation = invocation;
        this.beans = beans;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine commandLine = invocation.commands().build(springFactory(), out, err);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> Failure.of(failure, database.url()).report());
        exitCode = commandLine.execute(invocation.commandArguments().toArray(String[]::new));
    }

    /** Subcommands are made by Spring, their options and mixins as picocli makes them. */
    private IFactory springFactory() {
        IFactory plain = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return Callable.class.isAssignableFrom(type) ? beans.createBean(type) : plain.create(type);
            }
        };
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
