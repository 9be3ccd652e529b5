package io.restorejobcanceller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.stream.Stream;

import io.restorejobcanceller.database.DatabaseProblem;
import io.restorejobcanceller.database.NoResultsDatabaseException;
import io.restorejobcanceller.input.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Which exception becomes which exit code and which one line, while a command runs and while the context starts. */
@ExtendWith(OutputCaptureExtension.class)
class FailureTest {

    private static final String URL = "jdbc:h2:file:/tmp/nowhere/db";

    static Stream<Arguments> commandFailures() {
        return Stream.of(
                Arguments.of(new UsageException("--by is one of outcome, error-code"), "--by is one of outcome, error-code", 2),
                Arguments.of(new InputFileException(Path.of("in.csv"), "is empty"), "input file in.csv: is empty", 2),
                Arguments.of(new IllegalStateException("wrapped", new NoResultsDatabaseException(
                        new DatabaseProblem(DatabaseProblem.Kind.IN_USE, "the results database is in use"))),
                        "the results database is in use", 4),
                Arguments.of(new NoResultsDatabaseException(new DatabaseProblem(DatabaseProblem.Kind.MISSING, "no results database")),
                        "no results database", 2),
                Arguments.of(new RuntimeException(new SQLNonTransientConnectionException("Connection refused\n\tat x", "08001")),
                        "the results database jdbc:h2:file:/tmp/nowhere/db cannot be reached: Connection refused (is"
                                + " spring.datasource.url right, and its server up?)", 2),
                Arguments.of(new SQLException("Database not found", "90146", 90146),
                        "no results database at jdbc:h2:file:/tmp/nowhere/db (is spring.datasource.url the one the runs used?"
                                + " a run's summary names its database)", 2),
                Arguments.of(new OutputNotWrittenException("could not write to standard output"), "could not write to standard output", 1),
                Arguments.of(new IllegalStateException("the job repository broke"), "java.lang.IllegalStateException: the job repository broke", 1));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("commandFailures")
    void aCommandsFailureIsOneLineAndItsExitCode(Throwable failure, String message, int exitCode) {
        assertThat(Failure.of(failure, URL)).isEqualTo(new Failure(message, exitCode));
    }

    @Test
    void aDatabaseThatStopsTheStartIsSaidAsWhileRunning() {
        NoResultsDatabaseException inUse = new NoResultsDatabaseException(new DatabaseProblem(DatabaseProblem.Kind.IN_USE, "busy"));

        assertThat(Failure.atStartUp(new BeanCreationException("dataSource", "failed", inUse), URL)).isEqualTo(new Failure("busy", 4));
    }

    @Test
    void aSettingThatDoesNotBindNamesItsKeyValueAndWhatIsAllowed() {
        // given: what Spring throws for --canceller.skip-limit=lots
        Throwable unbound = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(Map.of("canceller.skip-limit", "lots")))
                .bind("canceller.skip-limit", Integer.class));

        // when
        Failure failure = Failure.atStartUp(new BeanCreationException("skipBudget", "failed", unbound), URL);

        // then
        assertThat(failure).isEqualTo(new Failure("canceller.skip-limit=lots: must be a whole number", 2));
    }

    @Test
    void anyOtherStartUpFailureIsTheFirstLineOfTheFirstCauseBelowTheBeanWiring() {
        Throwable wiring = new BeanCreationException("job", "Error creating bean with name 'job'",
                new BeanCreationException("step", "Error creating bean with name 'step'",
                        new IllegalArgumentException("the template report/table.mustache is missing\n\tsecond line",
                                new RuntimeException("a deeper cause"))));

        assertThat(Failure.atStartUp(wiring, URL))
                .isEqualTo(new Failure("the configuration is not usable: the template report/table.mustache is missing", 2));
        assertThat(Failure.atStartUp(new BeanCreationException("job", "failed", new IllegalStateException()), URL))
                .isEqualTo(new Failure("the configuration is not usable: IllegalStateException", 2));
    }

    @Test
    void reportSaysTheMessageOnStandardErrorAndGivesTheExitCode(CapturedOutput output) {
        assertThat(new Failure("nothing sent", 2).report()).isEqualTo(2);
        assertThat(output.getErr()).isEqualTo("error: nothing sent\n");
        assertThat(output.getOut()).isEmpty();
    }
}
