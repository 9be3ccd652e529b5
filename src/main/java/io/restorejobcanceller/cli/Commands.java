package io.restorejobcanceller.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.restorejobcanceller.database.ResultsDatabase;

import picocli.CommandLine.IFactory;
import picocli.CommandLine;

import org.springframework.beans.factory.BeanFactory;
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
    private final BeanFactory beans;
    private final ResultsDatabase database;
    private int exitCode = ExitCode.OK;

    Commands(Invocation invocation, BeanFactory beans, ResultsDatabase database) {
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

    /**
     * A subcommand is made with its constructor that takes the beans it runs with (the other one serves the parse
     * before Spring starts); its options and mixins are made as picocli makes them. Explicit rather than
     * {@code createBean}: the build-time bean definitions leave no constructor resolution to do at run time.
     */
    private IFactory springFactory() {
        IFactory plain = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (!Callable.class.isAssignableFrom(type)) {
                    return plain.create(type);
                }
                Constructor<?> injecting = Arrays.stream(type.getDeclaredConstructors()).filter(c -> c.getParameterCount() > 0)
                        .findFirst().orElseThrow(() -> new IllegalStateException(type + " takes no beans"));
                injecting.setAccessible(true);
                return type.cast(injecting.newInstance(Arrays.stream(injecting.getParameterTypes()).map(beans::getBean).toArray()));
            }
        };
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
