package io.restorejobcanceller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.restorejobcanceller.cli.InvocationParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** One form for an expected failure on standard error: {@code error: } and a sentence, never picocli's {@code Error:}. */
class ErrorLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {"find", "query", "report --format=bogus", "cancel --dry-run a.csv --concurrency", "reprot",
            "report --instance=x", "cancel --dyr-run a.csv"})
    void aMistakeOnTheCommandLineIsSaidInTheOneForm(String args) {
        StringWriter err = new StringWriter();
        new InvocationParser(CancellerApplication.COMMANDS, new PrintWriter(new StringWriter()), new PrintWriter(err))
                .parse(args.split(" "));

        assertThat(err.toString().lines().findFirst().orElseThrow()).matches("error: [a-z-].*");
        assertThat(err.toString()).doesNotContain("Error");
    }

    @Test
    void noSourcePrintsTheOtherForm() throws IOException {
        try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src/main/java")), Files.list(Path.of("jobs")))) {
            List<String> capitalised = sources.filter(Files::isRegularFile).flatMap(ErrorLinesTest::lines)
                    .filter(line -> line.matches(".*[\"']Error: .*") && !line.contains("replaceFirst(\"^Error: \""))
                    .toList();
            assertThat(capitalised).isEmpty();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> file + ": " + line);
        } catch (IOException binary) {
            return Stream.empty();
        }
    }
}
