package io.restorejobcanceller.database;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Why the results database could not be opened, said as an operator can act on it. */
public record DatabaseProblem(Kind kind, String message) {

    public enum Kind {
        /** No database, none with a results table, or one that cannot be created: nothing to report on (and nothing was created). */
        MISSING,
        /** The H2 file is held by another process: another run of this tool, or another program. */
        IN_USE,
        /** The database server refuses the connection, or accepts it and does not answer in time. */
        UNREACHABLE
    }

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    private static final String POSTGRES_NO_SUCH_DATABASE = "3D000";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /** The problem behind a failure to start or to query, if the database itself is the cause. */
    public static Optional<DatabaseProblem> of(Throwable failure, String url) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoResultsDatabaseException said) {
                return Optional.of(said.problem());
            }
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    return Optional.of(inUse(url));
                }
                if (sql.getErrorCode() == H2_DATABASE_NOT_FOUND || POSTGRES_NO_SUCH_DATABASE.equals(sql.getSQLState())) {
                    return Optional.of(missing(url, ""));
                }
                if (sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                    return Optional.of(new DatabaseProblem(Kind.UNREACHABLE, "the results database " + DatabaseUrl.display(url)
                            + " cannot be reached: " + String.valueOf(sql.getMessage()).strip().lines().findFirst().orElse("")
                            + " (is spring.datasource.url right, and its server up?)"));
                }
            }
        }
        return Optional.empty();
    }

    public static DatabaseProblem missing(String url, String why) {
        return new DatabaseProblem(Kind.MISSING, "no results database at " + DatabaseUrl.display(url) + why
                + " (is spring.datasource.url the one the runs used? a run's summary names its database)");
    }

    static DatabaseProblem inUse(String url) {
        Path file = DatabaseUrl.h2File(url).orElse(Path.of(DatabaseUrl.display(url)));
        List<ProcessHandle> holders = FileHolders.of(file);
        String sharing = "; an H2 file serves one process at a time (share PostgreSQL, or add ;AUTO_SERVER=TRUE to"
                + " spring.datasource.url of every program that opens it)";
        if (holders.isEmpty()) {
            return new DatabaseProblem(Kind.IN_USE, "the results database " + file + " is in use by another process"
                    + " (another run of restore-job-canceller, or a program such as an H2 console)" + sharing);
        }
        ProcessHandle holder = holders.get(0);
        List<String> command = FileHolders.commandLine(holder.pid());
        if (isThisTool(command)) {
            String word = commandWord(command);
            if (ResultsDatabase.READING_COMMANDS.contains(word)) {
                return new DatabaseProblem(Kind.IN_USE, "the results database " + file + " is in use by a `" + word
                        + "` of restore-job-canceller (PID " + holder.pid() + "), which holds it only while it runs (a query"
                        + " for canceller.query.timeout at most): run again once it has ended" + sharing);
            }
            return new DatabaseProblem(Kind.IN_USE, "the results database " + file
                    + " is in use by another run of restore-job-canceller (PID " + holder.pid() + ")" + sharing);
        }
        return new DatabaseProblem(Kind.IN_USE, "the results database " + file + " is held open by another program, PID "
                + holder.pid() + " (" + program(command) + "): close it (an H2 console keeps the file while it is connected) and read"
                + " results with `restore-job-canceller query \"SELECT …\"` instead, which holds the file only while it runs" + sharing);
    }

    private static boolean isThisTool(List<String> command) {
        return command.stream().anyMatch(arg -> arg.startsWith("io.restorejobcanceller.") || arg.endsWith("restore-job-canceller.jar"));
    }

    /**
     * The command a process of this tool runs ({@code query}, {@code cancel}...): its first argument after the main
     * class or jar that is neither an option nor the value of a setting given as {@code --KEY VALUE}; empty if none.
     */
    static String commandWord(List<String> command) {
        int main = 0;
        while (main < command.size() && !command.get(main).startsWith("io.restorejobcanceller.")
                && !(main > 0 && command.get(main - 1).equals("-jar"))) {
            main++;
        }
        for (int i = main + 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (arg.startsWith("--") && arg.contains(".") && !arg.contains("=")) {
                i++;
            }
        }
        return "";
    }

    /**
     * The program and what it runs, e.g. {@code java org.h2.tools.Console} or {@code java -jar h2.jar}: never its
     * other arguments, which may hold a password.
     */
    private static String program(List<String> command) {
        if (command.isEmpty()) {
            return "command line not readable";
        }
        String executable = Path.of(command.get(0)).getFileName().toString();
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                i++;
            } else if (arg.equals("-jar") && i + 1 < command.size()) {
                return executable + " -jar " + Path.of(command.get(i + 1)).getFileName();
            } else if (!arg.startsWith("-")) {
                return executable + " " + arg;
            }
        }
        return executable;
    }
}
