package io.restorejobcanceller.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ReportSelection} from {@code report}'s options, against a results database of two instances (1, 2) and three
 * executions (10, 11, 12) known to a fake of the audit queries; the same selections on H2 and PostgreSQL end to end are
 * {@link ReportSelectionContract}'s.
 */
class ReportSelectionOptionsTest {

    private static final Set<Outcome> NEEDING_ATTENTION = EnumSet.of(Outcome.REJECTED, Outcome.FAILED, Outcome.INVALID);
    private static final String RECORDED_FILE = "/srv/nights/2026-12-01.csv";

    private final ReportSelection selection = new ReportSelection(new KnownRuns());

    @Test
    void withoutASelectionItIsTheLatestInstanceAndTheRowsNeedingAttention() {
        assertThat(selection.of(options())).isEqualTo(new AuditSelection(null, 2L, null, null, NEEDING_ATTENTION, null));
    }

    @Test
    void aNamedExecutionInstanceOrFileIsTakenAsGiven() {
        ReportCommand execution = options();
        execution.execution = "11";
        ReportCommand instance = options();
        instance.instance = 1L;
        ReportCommand latest = options();
        latest.execution = "LATEST";

        assertThat(selection.of(execution).executionId()).isEqualTo(11L);
        assertThat(selection.of(execution).instanceId()).isNull();
        assertThat(selection.of(instance).instanceId()).isEqualTo(1L);
        assertThat(selection.of(latest).executionId()).isEqualTo(12L);
    }

    @Test
    void aFileIsLookedUpAsRunsRecordIt(@TempDir Path directory) throws Exception {
        // given: a file that no longer exists, named as given, and one that exists, named through a link
        ReportCommand gone = options();
        gone.file = Path.of("/srv/nights/../nights/2026-12-01.csv");
        Path real = Files.createFile(directory.resolve("real.csv"));
        ReportCommand linked = options();
        linked.file = Files.createSymbolicLink(directory.resolve("link.csv"), real);
        KnownRuns runs = new KnownRuns();
        runs.file = real.toRealPath().toString();

        // then
        assertThat(selection.of(gone)).isEqualTo(new AuditSelection(null, null, RECORDED_FILE, null, NEEDING_ATTENTION, null));
        assertThat(new ReportSelection(runs).of(linked).inputFile()).isEqualTo(real.toRealPath().toString());
    }

    @ParameterizedTest(name = "--since={0}")
    @CsvSource({"2026-11-23, 2026-11-23T00:00:00Z", "2026-11-23T02:00:00+01:00, 2026-11-23T01:00:00Z",
            "2026-11-23T02:00:00Z, 2026-11-23T02:00:00Z"})
    void sinceIsADateInUtcOrADateTimeWithOffset(String since, Instant instant) {
        ReportCommand options = options();
        options.since = since;

        assertThat(selection.of(options)).isEqualTo(new AuditSelection(null, null, null, instant, NEEDING_ATTENTION, null));
    }

    @ParameterizedTest(name = "--outcome={0}")
    @CsvSource(delimiter = '|', textBlock = """
            all                | CANCELLED,NOT_FOUND,REJECTED,FAILED,INVALID,DUPLICATE,PLANNED,SKIPPED
            ALL                | CANCELLED,NOT_FOUND,REJECTED,FAILED,INVALID,DUPLICATE,PLANNED,SKIPPED
            rejected           | REJECTED
            ' failed , Planned' | FAILED,PLANNED
            """)
    void outcomesAreNamedInAnyCaseOrAll(String outcome, String listed) {
        ReportCommand options = options();
        options.outcome = outcome;

        assertThat(selection.of(options).listed()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(listed.split(",")).map(Outcome::valueOf).toArray(Outcome[]::new));
    }

    @ParameterizedTest(name = "--by={0}")
    @CsvSource({"outcome, OUTCOME", "error-code, ERROR_CODE", "Project, PROJECT", "cluster, CLUSTER", "execution, EXECUTION",
            "night, NIGHT"})
    void theGroupingIsTypedAsHelpSaysIt(String by, Grouping grouping) {
        ReportCommand options = options();
        options.by = by;

        assertThat(selection.of(options).by()).isEqualTo(grouping);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            execution | 99         | there is no job execution 99
            execution | yesterday  | --execution takes a job execution id or 'latest', not 'yesterday'
            instance  | 7          | there is no job instance 7
            file      | /srv/x.csv | no run has recorded rows of the input file /srv/x.csv
            since     | yesterday  | --since takes a date (2026-11-23, UTC) or a date-time with offset (2026-11-23T02:00:00Z), not 'yesterday'
            since     | 2026-13-01 | --since takes a date (2026-11-23, UTC) or a date-time with offset (2026-11-23T02:00:00Z), not '2026-13-01'
            outcome   | LOST       | unknown outcome 'LOST' (one of [CANCELLED, NOT_FOUND, REJECTED, FAILED, INVALID, DUPLICATE, PLANNED, SKIPPED] or all)
            by        | day        | --by is one of outcome, error-code, project, cluster, execution, night, not 'day'
            """)
    void aSelectionOfNothingThatExistsIsAUsageErrorNotAnEmptyReport(String option, String value, String message) {
        ReportCommand options = options();
        switch (option) {
            case "execution" -> options.execution = value;
            case "instance" -> options.instance = Long.valueOf(value);
            case "file" -> options.file = Path.of(value);
            case "since" -> options.since = value;
            case "outcome" -> options.outcome = value;
            default -> options.by = value;
        }

        assertThatThrownBy(() -> selection.of(options)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void latestOfAnEmptyDatabaseIsAUsageError() {
        KnownRuns none = new KnownRuns();
        none.latestExecution = null;
        ReportCommand latest = options();
        latest.execution = "latest";

        assertThatThrownBy(() -> new ReportSelection(none).of(latest)).hasMessage("no job execution has recorded anything yet");
    }

    private static ReportCommand options() {
        return new ReportCommand();
    }

    /** The runs a results database holds, as the audit queries answer about them. */
    private static final class KnownRuns extends AuditQueries {

        Long latestExecution = 12L;
        String file = RECORDED_FILE;

        KnownRuns() {
            super(null);
        }

        @Override
        public Optional<Long> latestExecutionId() {
            return Optional.ofNullable(latestExecution);
        }

        @Override
        public Optional<Long> latestInstanceId() {
            return Optional.of(2L);
        }

        @Override
        public boolean executionExists(long id) {
            return id >= 10 && id <= 12;
        }

        @Override
        public boolean instanceExists(long id) {
            return id == 1 || id == 2;
        }

        @Override
        public boolean inputFileExists(String path) {
            return path.equals(file);
        }
    }
}
