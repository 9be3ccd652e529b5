package io.restorejobcanceller.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks every value against the patterns of the Atlas API before anything is put into a URL path, so that a
 * row such as {@code ../..} or {@code a%2Fb} can never address another resource.
 */
public class TargetValidator implements ItemProcessor<InputRow, CheckedRow> {

    private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{24}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*");
    private static final int CLUSTER_NAME_MAX_LENGTH = 64;
    private static final int SHOWN_VALUE_MAX_LENGTH = 40;

    @Override
    public CheckedRow process(InputRow row) {
        if (row.problem() != null) {
            return CheckedRow.invalid(row, "line is malformed: " + row.problem());
        }
        List<String> problems = new ArrayList<>();
        checkHexId("groupId", row.groupId(), problems);
        checkClusterName(row.clusterName(), problems);
        checkHexId("restoreJobId", row.restoreJobId(), problems);
        return problems.isEmpty() ? CheckedRow.valid(row) : CheckedRow.invalid(row, String.join("; ", problems));
    }

    private static void checkHexId(String column, String value, List<String> problems) {
        if (isMissing(column, value, problems)) {
            return;
        }
        if (!HEX_ID.matcher(value).matches()) {
            problems.add(column + " " + shown(value) + " is not a 24-character lowercase hexadecimal id");
        }
    }

    private static void checkClusterName(String value, List<String> problems) {
        if (isMissing("clusterName", value, problems)) {
            return;
        }
        if (value.length() > CLUSTER_NAME_MAX_LENGTH) {
            problems.add("clusterName is " + value.length() + " characters long (at most " + CLUSTER_NAME_MAX_LENGTH + ")");
        } else if (!CLUSTER_NAME.matcher(value).matches()) {
            problems.add("clusterName " + shown(value)
                    + " may contain only letters, digits and hyphens, and must start with a letter or digit");
        }
    }

    private static boolean isMissing(String column, String value, List<String> problems) {
        if (value == null) {
            problems.add(column + " is missing (the line has too few columns)");
            return true;
        }
        if (value.isEmpty()) {
            problems.add(column + " is empty");
            return true;
        }
        return false;
    }

    private static String shown(String value) {
        String cut = value.length() > SHOWN_VALUE_MAX_LENGTH ? value.substring(0, SHOWN_VALUE_MAX_LENGTH) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
