package io.restorejobcanceller.find;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.restorejobcanceller.monitoring.RunMetrics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Lists what the job parameters ask for, writes it into the temporary file, and records the counts and its SHA-256. */
@Component
class FindTasklet implements Tasklet {

    /** Not identifying: the file written, moved into place by {@link FindCommand} once the job completed. */
    static final String TEMPORARY_FILE = "find.temporary-file";
    static final String SUMMARY = "find.summary";
    static final String NOT_LISTED = "find.not-listed";
    /** The exit code of a find that could not list some projects or clusters (refused, or not answered). */
    static final String NOT_ALL_LISTED = "COMPLETED NOT ALL LISTED";

    static final String SEEN = "find.restore.jobs.seen";
    static final String LISTED = "find.restore.jobs.listed";
    static final String LEFT_OUT = "find.restore.jobs.left.out";
    static final String NOT_LISTED_METRIC = "find.not.listed";

    private final RestoreJobLister lister;
    private final JsonMapper json;
    private final RunMetrics metrics;

    FindTasklet(RestoreJobLister lister, JsonMapper json, RunMetrics metrics) {
        this.lister = lister;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var parameters = chunkContext.getStepContext().getJobParameters();
        FindRequest request = FindRequest.of(parameters);
        Listing listing = lister.list(request);
        Path file = Path.of((String) parameters.get(TEMPORARY_FILE));
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
            FoundWriter.write(request, listing, out, json);
            if (out.checkError()) {
                throw new IOException("could not write " + file + " (disk full?)");
            }
        }
        count(listing);
        listing.found().forEach(f -> contribution.incrementReadCount());
        contribution.incrementWriteCount(listing.listed());
        contribution.incrementFilterCount(listing.found().size() - listing.listed());
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        context.putString(SUMMARY, listing.summary());
        context.putString(NOT_LISTED, listing.notListed().stream().map(NotListed::toString).collect(Collectors.joining("\n")));
        String description = listing.summary() + "; " + request.format().name().toLowerCase(Locale.ROOT) + " to "
                + request.outputName() + ", SHA-256 " + sha256(file);
        contribution.setExitStatus(new ExitStatus(listing.notListed().isEmpty() ? ExitStatus.COMPLETED.getExitCode() : NOT_ALL_LISTED,
                description + named("refused", listing.refused()) + named("not answered", listing.notAnswered())));
        return RepeatStatus.FINISHED;
    }

    /** The counts pushed when monitoring is on: restore jobs seen, listed, left out by reason; projects or clusters not listed. */
    private void count(Listing listing) {
        metrics.count(SEEN, listing.found().size());
        metrics.count(LISTED, listing.listed());
        listing.found().stream().filter(found -> !found.listed()).collect(Collectors.groupingBy(found -> found.reason().typed(),
                Collectors.counting())).forEach((reason, count) -> metrics.count(LEFT_OUT, count, "reason", reason));
        listing.notListed().forEach(n -> metrics.count(NOT_LISTED_METRIC, 1, "answer", n.refused() ? "refused" : "not-answered"));
    }

    private static String named(String heading, List<String> lines) {
        return lines.isEmpty() ? "" : "; " + heading + ": " + String.join("; ", lines);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
