package io.restorejobcanceller;

import io.restorejobcanceller.cli.ExitCode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class CancellerApplication {

    public static void main(String[] args) {
        System.exit(run(new SpringApplication(CancellerApplication.class), args));
    }

    /** Runs one command and returns its exit code; a context that cannot start is a configuration error. */
    public static int run(SpringApplication application, String... args) {
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException e) {
            System.err.println("error: the configuration is not usable: " + startupProblem(e));
            return ExitCode.USAGE;
        }
        return SpringApplication.exit(context);
    }

    private static String startupProblem(Throwable failure) {
        Throwable root = failure;
        String property = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                property = bind.getName().toString();
            }
            root = t;
        }
        String message = (root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName()).replaceAll("\\s+", " ");
        return property != null ? property + ": " + message : message;
    }
}
