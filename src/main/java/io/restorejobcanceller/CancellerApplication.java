package io.restorejobcanceller;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.cli.CommandTree;
import io.restorejobcanceller.cli.Failure;
import io.restorejobcanceller.cli.Invocation;
import io.restorejobcanceller.cli.InvocationParser;
import io.restorejobcanceller.database.DatabaseUrl;
import io.restorejobcanceller.find.FindCommand;
import io.restorejobcanceller.query.QueryCommand;
import io.restorejobcanceller.report.ReportCommand;
import io.restorejobcanceller.run.AbandonCommand;
import io.restorejobcanceller.run.CancelCommand;
import io.restorejobcanceller.run.GracefulShutdown;
import io.restorejobcanceller.run.RestartCommand;
import io.restorejobcanceller.schedule.ScheduleCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CancellerApplication {

    private static final String DATABASE_URL = DatabaseUrl.SETTING;
    /** How long SIGTERM waits for the running row (and its retries) before closing anyway. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    static final CommandTree COMMANDS = new CommandTree(List.of(CancelCommand.class, RestartCommand.class,
            AbandonCommand.class, ScheduleCommand.class, FindCommand.class, ReportCommand.class, QueryCommand.class));

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CancellerApplication.class);
        application.addInitializers(context -> GracefulShutdown.install(context, STOP_TIMEOUT));
        System.exit(run(application, args));
    }

    /** Runs one command and returns its exit code; a context that cannot start is a configuration error. */
    public static int run(SpringApplication application, String... args) {
        InvocationParser.Result parsed = new InvocationParser(COMMANDS, standard(System.out), standard(System.err)).parse(args);
        if (parsed.invocation().isEmpty()) {
            return parsed.exitCode();
        }
        Invocation invocation = parsed.invocation().get();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("invocation", invocation));
        AtomicReference<String> databaseUrl = new AtomicReference<>("");
        application.addListeners((ApplicationEnvironmentPreparedEvent prepared) ->
                databaseUrl.set(prepared.getEnvironment().getProperty(DatabaseUrl.SHOWN,
                        prepared.getEnvironment().getProperty(DATABASE_URL, ""))));
        ConfigurableApplicationContext context;
        try {
            context = application.run(invocation.springArgumentArray());
        } catch (SpringApplication.AbandonedRunException aotProcessing) {
            throw aotProcessing;
        } catch (RuntimeException e) {
            return Failure.atStartUp(e, databaseUrl.get()).report();
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
}
