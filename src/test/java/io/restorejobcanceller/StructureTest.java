package io.restorejobcanceller;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rooms' rules: a newcomer finds where a change goes, and what a room may use. */
class StructureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/restorejobcanceller");
    private static final int MOST_LINES = 250;
    private static final int MOST_CLASSES = 16;
    private static final int MOST_PARAMETERS = 8;

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.restorejobcanceller");
    }

    @Test
    void noImportCycleJoinsTwoRooms() {
        slices().matching("io.restorejobcanceller.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noImportCycleJoinsTwoPackagesOfOneRoom() {
        slices().matching("io.restorejobcanceller.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noClassIsOver250Lines() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Map<String, Long> tooLong = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.lines(file).count();
                if (lines > MOST_LINES) {
                    tooLong.put(SOURCES.relativize(file).toString(), lines);
                }
            }
            assertThat(tooLong).isEmpty();
        }
    }

    @Test
    void noRoomHoldsMoreThan16Classes() throws IOException {
        try (Stream<Path> rooms = Files.walk(SOURCES)) {
            Map<String, Long> crowded = new TreeMap<>();
            for (Path room : rooms.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(room)) {
                    long count = files.filter(f -> f.toString().endsWith(".java")).count();
                    if (count > MOST_CLASSES) {
                        crowded.put(SOURCES.relativize(room).toString(), count);
                    }
                }
            }
            assertThat(crowded).isEmpty();
        }
    }

    @Test
    void noConstructorTakesMoreThan8Parameters() {
        List<String> wide = classes.stream().filter(c -> !c.isRecord() && !c.getName().contains("__") && !c.getName().contains("$$"))
                .flatMap(c -> c.getConstructors().stream())
                .filter(constructor -> constructor.getRawParameterTypes().size() > MOST_PARAMETERS)
                .map(JavaConstructor::getFullName).toList();
        assertThat(wide).isEmpty();
    }

    @Test
    void theDesignPageShowsEachRoomInOneLine() throws IOException {
        String design = Files.readString(Path.of("docs/design.md"));
        String layout = design.substring(design.indexOf("src/main/java/io/restorejobcanceller/"));
        try (Stream<Path> rooms = Files.walk(SOURCES)) {
            List<String> missing = rooms.filter(Files::isDirectory).filter(room -> !room.equals(SOURCES))
                    .map(room -> SOURCES.relativize(room) + "/")
                    .filter(room -> layout.lines().limit(30).noneMatch(line -> line.strip().startsWith(room)))
                    .collect(Collectors.toList());
            assertThat(missing).isEmpty();
        }
    }
}
