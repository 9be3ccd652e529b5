package io.restorejobcanceller.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.restorejobcanceller.atlas.CancellationTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetValidatorTest {

    private static final String GROUP = "32b6e34b3d91647abb20e7b8";
    private static final String JOB = "65a1f0c2e4b0a1b2c3d4e5f6";

    private final TargetValidator validator = new TargetValidator();

    @ParameterizedTest
    @ValueSource(strings = {"Cluster0", "a", "analytics-prod-2", "0-x",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsClusterNamesOfTheAtlasPattern(String clusterName) {
        CheckedRow checked = validator.process(new InputRow(2, GROUP, clusterName, JOB, null));
        assertThat(checked.isValid()).isTrue();
        assertThat(checked.target()).isEqualTo(new CancellationTarget(GROUP, clusterName, JOB));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "32b6e34b3d91647abb20e7b8|../x|65a1f0c2e4b0a1b2c3d4e5f6|clusterName '../x' may contain only",
            "32b6e34b3d91647abb20e7b8|a/b|65a1f0c2e4b0a1b2c3d4e5f6|clusterName 'a/b' may contain only",
            "32b6e34b3d91647abb20e7b8|a%2Fb|65a1f0c2e4b0a1b2c3d4e5f6|clusterName 'a%2Fb' may contain only",
            "32b6e34b3d91647abb20e7b8|'a b'|65a1f0c2e4b0a1b2c3d4e5f6|clusterName 'a b' may contain only",
            "32b6e34b3d91647abb20e7b8|-a|65a1f0c2e4b0a1b2c3d4e5f6|must start with a letter or digit",
            "32b6e34b3d91647abb20e7b8|a_b|65a1f0c2e4b0a1b2c3d4e5f6|may contain only letters, digits and hyphens",
            "32b6e34b3d91647abb20e7b8|''|65a1f0c2e4b0a1b2c3d4e5f6|clusterName is empty",
            "32b6e34b3d91647abb20e7b|c|65a1f0c2e4b0a1b2c3d4e5f6|groupId '32b6e34b3d91647abb20e7b' is not a 24-character",
            "32B6E34B3D91647ABB20E7B8|c|65a1f0c2e4b0a1b2c3d4e5f6|groupId '32B6E34B3D91647ABB20E7B8' is not",
            "32b6e34b3d91647abb20e7b8|c|65a1f0c2e4b0a1b2c3d4e5fg|restoreJobId '65a1f0c2e4b0a1b2c3d4e5fg' is not",
            "32b6e34b3d91647abb20e7b8|c|../65a1f0c2e4b0a1b2c3d4|restoreJobId '../65a1f0c2e4b0a1b2c3d4' is not",
            "32b6e34b3d91647abb20e7b8|c|''|restoreJobId is empty",
    })
    void rejectsValuesOutsideTheAtlasPatterns(String groupId, String clusterName, String restoreJobId, String reason) {
        CheckedRow checked = validator.process(new InputRow(2, groupId, clusterName, restoreJobId, null));
        assertThat(checked.isValid()).isFalse();
        assertThat(checked.invalidReason()).contains(reason);
    }

    @org.junit.jupiter.api.Test
    void reportsEveryProblemOfARowAndKeepsControlCharactersOutOfTheReason() {
        CheckedRow checked = validator.process(new InputRow(9, "x\u0007y", "a".repeat(65), null, null));
        assertThat(checked.invalidReason()).isEqualTo("groupId 'x?y' is not a 24-character lowercase hexadecimal id; "
                + "clusterName is 65 characters long (at most 64); restoreJobId is missing (the line has too few columns)");
    }

    @org.junit.jupiter.api.Test
    void aMalformedLineIsInvalid() {
        CheckedRow checked = validator.process(new InputRow(3, null, null, null, "unterminated quoted field"));
        assertThat(checked.invalidReason()).isEqualTo("line is malformed: unterminated quoted field");
    }
}
