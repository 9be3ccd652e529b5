package io.restorejobcanceller.input;

/**
 * One data line of the input file as read, before validation. Values are trimmed and may be
 * {@code null} when the line has too few columns; {@code problem} is set when the line itself
 * could not be parsed (for example an unterminated quote).
 */
public record InputRow(long lineNumber, String groupId, String clusterName, String restoreJobId, String problem) {
}
