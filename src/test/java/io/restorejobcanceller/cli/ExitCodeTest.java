package io.restorejobcanceller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.restorejobcanceller.database.DatabaseProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExitCodeTest {

    /** The order the documentation gives: what an operator must see first comes first. */
    private static final List<Integer> MOST_SERIOUS_FIRST = List.of(ExitCode.JOB_FAILED, ExitCode.ALREADY_RUNNING,
            ExitCode.USAGE, ExitCode.NEEDS_ATTENTION, ExitCode.OK);

    static Stream<Arguments> everyPair() {
        return MOST_SERIOUS_FIRST.stream().flatMap(a -> MOST_SERIOUS_FIRST.stream().map(b -> Arguments.of(a, b,
                MOST_SERIOUS_FIRST.get(Math.min(MOST_SERIOUS_FIRST.indexOf(a), MOST_SERIOUS_FIRST.indexOf(b))))));
    }

    @ParameterizedTest(name = "mostSerious({0}, {1}) = {2}")
    @MethodSource("everyPair")
    void ofTwoCodesTheMoreSeriousIsKeptInEitherOrder(int a, int b, int expected) {
        assertThat(ExitCode.mostSerious(a, b)).isEqualTo(expected);
    }

    @Test
    void theOrderIsOneThenFourTwoThreeAndZero() {
        assertThat(Stream.of(0, 3, 2, 4, 1).reduce(ExitCode.OK, ExitCode::mostSerious)).isEqualTo(1);
        assertThat(Stream.of(0, 3, 2, 4).reduce(ExitCode.OK, ExitCode::mostSerious)).isEqualTo(4);
        assertThat(Stream.of(0, 3, 2).reduce(ExitCode.OK, ExitCode::mostSerious)).isEqualTo(2);
        assertThat(Stream.of(0, 3).reduce(ExitCode.OK, ExitCode::mostSerious)).isEqualTo(3);
    }

    @Test
    void aDatabaseInUseIsAlreadyRunningAndAMissingOneAUsageError() {
        assertThat(ExitCode.of(new DatabaseProblem(DatabaseProblem.Kind.IN_USE, "busy"))).isEqualTo(ExitCode.ALREADY_RUNNING);
        assertThat(ExitCode.of(new DatabaseProblem(DatabaseProblem.Kind.MISSING, "gone"))).isEqualTo(ExitCode.USAGE);
    }
}
