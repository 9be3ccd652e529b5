package io.restorejobcanceller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.InvocationParser;
import io.restorejobcanceller.testing.CancellerHarness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Documented means tested: the front page stays a front page, every relative link resolves, every command the pages
 * show is today's form, every setting they name exists, and the audit examples run on a real results database.
 */
class DocsTest {

    private static final int FRONT_PAGE_LINES = 200;
    private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\| `(canceller\\.[a-z.-]+)` \\|");
    private static final Pattern SETTING_NAMED = Pattern.compile("(?<![\\w./-])canceller\\.[a-z][a-z0-9.-]*[a-z0-9]");
    /** Read by the scripts of jobs/, not settings. */
    private static final Set<String> SCRIPT_VARIABLES = Set.of("CANCELLER_JAR", "CANCELLER_CDS", "CANCELLER_CDS_DIR",
            "CANCELLER_CHECK_BASE_IMAGE");
    /** Named on purpose: the typo in the example of a refused setting, and a meter's name over OTLP. */
    private static final Set<String> NOT_SETTINGS = Set.of("canceller.concurency", "canceller.outcomes");

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    private final DocPages docs = DocPages.read();

    @Test
    void theReadmeIsAFrontPage() throws Exception {
        assertThat(Files.readAllLines(DocPages.README)).hasSizeLessThanOrEqualTo(FRONT_PAGE_LINES);
        List<Path> linked = docs.pages().get(0).links().stream().filter(link -> link.startsWith("docs/"))
                .map(link -> Path.of(link.replaceFirst("#.*", ""))).toList();
        assertThat(linked).containsAll(docs.pages().stream().map(DocPages.Page::path)
                .filter(path -> path.startsWith("docs")).toList());
    }

    @Test
    void everyRelativeLinkResolvesToAFileAndHeading() {
        List<String> broken = new ArrayList<>();
        for (DocPages.Page page : docs.pages()) {
            for (String link : page.links()) {
                if (link.matches("[a-z]+:.*")) {
                    continue;
                }
                String[] parts = link.split("#", 2);
                Path target = parts[0].isEmpty() ? page.path() : page.path().resolveSibling(parts[0]).normalize();
                if (!Files.exists(target)) {
                    broken.add(page.path() + ": " + link + " (no such file)");
                } else if (parts.length == 2 && !new DocPages.Page(target, DocPages.text(target)).anchors().contains(parts[1])) {
                    broken.add(page.path() + ": " + link + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void noPageReadsAsAnEngineeringLog() {
        Pattern log = Pattern.compile("(?i)\\b(issue|session|round) \\d+|re-measured|measured \\d{4}-\\d\\d-\\d\\d");
        assertThat(docs.pages()).allSatisfy(page -> assertThat(log.matcher(page.text()).results().map(MatchResult::group))
                .as(page.path().toString()).isEmpty());
    }

    @Test
    void everyCommandShownIsTodaysForm() {
        List<DocPages.Shown> shown = docs.commands();
        assertThat(shown).hasSizeGreaterThan(40);
        assertThat(shown.stream().map(DocPages.Shown::page).distinct()).hasSizeGreaterThanOrEqualTo(6);
        for (DocPages.Shown command : shown) {
            StringWriter err = new StringWriter();
            InvocationParser.Result parsed = new InvocationParser(CancellerApplication.COMMANDS,
                    new PrintWriter(new StringWriter()), new PrintWriter(err)).parse(command.arguments().toArray(String[]::new));
            assertThat(parsed.exitCode()).as(command + ": " + err).isEqualTo(ExitCode.OK);
            command.arguments().stream().filter(argument -> argument.startsWith("--canceller."))
                    .map(argument -> argument.substring(2).split("=", 2)[0])
                    .forEach(key -> assertThat(knownKeys()).as(command.toString()).contains(key));
        }
    }

    @Test
    void everySettingNamedExists() {
        Set<String> known = knownKeys();
        Set<String> unknown = new TreeSet<>();
        for (DocPages.Page page : docs.pages()) {
            SETTING_NAMED.matcher(page.text()).results().map(MatchResult::group)
                    .filter(named -> !known.contains(named) && !NOT_SETTINGS.contains(named) && known.stream().noneMatch(key -> key.startsWith(named + ".")))
                    .forEach(named -> unknown.add(page.path() + ": " + named));
        }
        Set<String> variables = known.stream().flatMap(key -> Stream.of(key.replace('.', '_').replace("-", ""),
                key.replace('.', '_').replace('-', '_')).map(name -> name.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        docs.variablesSet().stream().filter(name -> name.startsWith("CANCELLER_") && !SCRIPT_VARIABLES.contains(name))
                .filter(name -> !variables.contains(name)).forEach(name -> unknown.add("variable " + name));
        assertThat(unknown).isEmpty();
    }

    @Test
    void theReportAndQueryExamplesRunOnARealResultsDatabase() {
        assertThat(canceller.run("cancel", "--dry-run", "sample-data/restore-jobs.csv")).isEqualTo(ExitCode.OK);
        List<List<String>> examples = docs.commands().stream().map(DocPages.Shown::arguments)
                .filter(arguments -> arguments.get(0).equals("query") || arguments.get(0).equals("report")
                        && arguments.stream().noneMatch(argument -> argument.matches("--(file|instance|execution=\\d).*")))
                .distinct().toList();
        assertThat(examples).hasSizeGreaterThan(8);
        for (List<String> example : examples) {
            assertThat(canceller.run(withOutputIn(canceller.directory(), example))).as(example.toString()).isEqualTo(ExitCode.OK);
        }
    }

    /** The example with its {@code --output} file made a fresh one in the test's directory. */
    private static String[] withOutputIn(Path directory, List<String> example) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < example.size(); i++) {
            String argument = example.get(i);
            if (argument.startsWith("--output=")) {
                argument = "--output=" + directory.resolve(arguments.size() + "-" + Path.of(argument.substring(9)).getFileName());
            } else if (argument.equals("--output")) {
                arguments.add(argument);
                argument = directory.resolve(arguments.size() + "-" + Path.of(example.get(++i)).getFileName()).toString();
            }
            arguments.add(argument);
        }
        return arguments.toArray(String[]::new);
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(Set.of(AtlasCredentials.PUBLIC_KEY_PROPERTY, AtlasCredentials.PRIVATE_KEY_PROPERTY,
                AtlasCredentials.PRIVATE_KEY_FILE_PROPERTY));
        SETTING_ROW.matcher(DocPages.text(Path.of("docs/configuration.md"))).results().map(row -> row.group(1)).forEach(keys::add);
        return keys;
    }
}
