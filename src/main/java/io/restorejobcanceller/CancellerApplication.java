package io.restorejobcanceller;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.Invocation;
import io.restorejobcanceller.cli.InvocationParser;
import io.restorejobcanceller.database.DatabaseProblem;
import io.restorejobcanceller.run.GracefulShutdown;
import io.restorejobcanceller.settings.ResultsDatabaseSettings;
import io.restorejobcanceller.settings.SettingProblems;

import org.springframework.beans.BeansException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CancellerApplication {

    private static final String DATABASE_URL = ResultsDatabaseSettings.URL;
    /** How long SIGTERM waits for the running row (and its retries) before closing anyway. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CancellerApplication.class);
        application.addInitializers(context -> GracefulShutdown.install(context, STOP_TIMEOUT));
        System.exit(run(application, args));
    }

    /** Runs one command and returns its exit code; a context that cannot start is a configuration error. */
    public static int run(SpringApplication application, String... args) {
        InvocationParser.Result parsed = new InvocationParser(standard(System.out), standard(System.err)).parse(args);
        if (parsed.invocation().isEmpty()) {
            return parsed.exitCode();
        }
        Invocation invocation = parsed.invocation().get();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("invocation", invocation));
        AtomicReference<String> databaseUrl = new AtomicReference<>("");
        application.addListeners((ApplicationEnvironmentPreparedEvent prepared) ->
                databaseUrl.set(prepared.getEnvironment().getProperty(DATABASE_URL, "")));
        ConfigurableApplicationContext context;
        try {
            context = application.run(invocation.springArgumentArray());
        } catch (SpringApplication.AbandonedRunException aotProcessing) {
            throw aotProcessing;
        } catch (RuntimeException e) {
            Optional<DatabaseProblem> database = DatabaseProblem.of(e, databaseUrl.get());
            if (database.isPresent()) {
                System.err.println("error: " + database.get().message());
                return ExitCode.of(database.get());
            }
            System.err.println("error: " + SettingProblems.of(e).orElseGet(() -> "the configuration is not usable: " + startupProblem(e)));
            return ExitCode.USAGE;
        }
        return SpringApplication.exit(context);
    }

    private static PrintWriter standard(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Sleeper sleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }

    /** The most telling message of a start-up failure: the property that did not bind, or the first cause below the bean wiring. */
    private static String startupProblem(Throwable failure) {
        Throwable telling = null;
        Throwable root = failure;
        String property = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                property = bind.getName().toString();
            } else if (telling == null && !(t instanceof BeansException)) {
                telling = t;
            }
            root = t;
        }
        Throwable shown = property != null || telling == null ? root : telling;
        String message = shown.getMessage() != null ? shown.getMessage().strip().lines().findFirst().orElse("") : "";
        message = message.isEmpty() ? shown.getClass().getSimpleName() : message;
        return property != null ? property + ": " + message : message;
    }
}
