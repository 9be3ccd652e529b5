package io.restorejobcanceller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's documentation as the tests read it: its pages, their links, headings and the commands they show. */
record DocPages(List<Page> pages) {

    /** A command line a page shows: the launcher's arguments, and where it was found. */
    record Shown(Path page, List<String> arguments) {
    }

    record Page(Path path, String text) {

        List<String> links() {
            return matches(Pattern.compile("\\]\\(([^)\\s]+)\\)"), text);
        }

        /** GitHub's anchors of the page's headings: lower case, punctuation dropped, spaces as hyphens. */
        Set<String> anchors() {
            return Set.copyOf(matches(Pattern.compile("(?m)^#+ (.+)$"), prose()).stream()
                    .map(heading -> heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                    .toList());
        }

        /** The text outside fenced blocks. */
        String prose() {
            return FENCE.matcher(text).replaceAll("");
        }

        List<String> shellBlocks() {
            List<String> blocks = new ArrayList<>();
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                if (fence.group(1).equals("sh")) {
                    blocks.add(fence.group(2));
                }
            }
            return blocks;
        }

        List<String> inlineCode() {
            return matches(Pattern.compile("`([^`\\n]+)`"), prose()).stream().map(code -> code.replace("\\|", "|")).toList();
        }
    }

    static final Path README = Path.of("README.md");
    static final Set<String> LAUNCHERS = Set.of("jobs/cancel-restore-jobs", "$c", "cancel-restore-jobs",
            "/opt/restore-job-canceller/jobs/cancel-restore-jobs");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");

    /** README.md, every page under docs/, and jobs/README.md. */
    static DocPages read() {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            List<Path> paths = new ArrayList<>(List.of(README, Path.of("jobs/README.md")));
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(paths::add);
            return new DocPages(paths.stream().map(path -> new Page(path, text(path))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every launcher command in the pages' shell blocks, and in inline code that starts with the launcher. */
    List<Shown> commands() {
        List<Shown> shown = new ArrayList<>();
        for (Page page : pages) {
            List<List<String>> lines = new ArrayList<>();
            page.shellBlocks().forEach(block -> lines.addAll(ShellWords.commands(block)));
            page.inlineCode().stream().filter(code -> LAUNCHERS.stream().anyMatch(launcher -> code.startsWith(launcher + " ")))
                    .forEach(code -> lines.addAll(ShellWords.commands(code)));
            for (List<String> words : lines) {
                List<String> command = ShellWords.withoutAssignments(words);
                if (!command.isEmpty() && LAUNCHERS.contains(command.get(0))) {
                    shown.add(new Shown(page.path(), command.subList(1, command.size())));
                }
            }
        }
        return shown;
    }

    /** Environment variables assigned in the pages' shell blocks ({@code NAME=value}, {@code export NAME=value}). */
    List<String> variablesSet() {
        return pages.stream().flatMap(page -> page.shellBlocks().stream()).flatMap(block -> ShellWords.commands(block).stream())
                .flatMap(words -> words.stream().filter(word -> word.matches("[A-Z][A-Z0-9_]*=.*")))
                .map(word -> word.substring(0, word.indexOf('='))).toList();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
