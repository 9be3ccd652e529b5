package io.restorejobcanceller.settings;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.database.DatabaseProblem;
import io.restorejobcanceller.database.DatabaseUrl;
import io.restorejobcanceller.database.NoResultsDatabaseException;
import io.restorejobcanceller.database.ResultsDatabase;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The directory of an H2 file the run may create, made before H2 tries to: where it cannot be (a file in the way, no
 * permission, a read-only file system), one line naming it, instead of H2's stack traces on standard error.
 */
public class ResultsDatabaseDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (CommandWord.isOneOf(environment, ResultsDatabase.READING_COMMANDS)) {
            return; // opened only if it exists
        }
        String url = environment.getProperty(DatabaseUrl.SETTING, "");
        DatabaseUrl.h2File(url).map(Path::getParent).ifPresent(directory -> {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new NoResultsDatabaseException(new DatabaseProblem(DatabaseProblem.Kind.MISSING, "the results database "
                        + DatabaseUrl.display(url) + " cannot be created: " + why(e) + " (set XDG_DATA_HOME, or"
                        + " spring.datasource.url, to a directory this user can write to)"));
            }
        });
    }

    private static String why(IOException e) {
        if (!(e instanceof FileSystemException file)) {
            return e.toString();
        }
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileAlreadyExistsException ? "it is not a directory" : file.getReason();
        return file.getFile() + ": " + (reason != null ? reason : e.getClass().getSimpleName());
    }

    /** After the logging system is set up, so that the refusal is one line (see CancellerApplication), not a report. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
