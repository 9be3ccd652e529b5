package io.restorejobcanceller.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The processes that hold a file open, found through Linux's {@code /proc/PID/fd}; none where that cannot be read. */
final class FileHolders {

    private static final Path PROC = Path.of("/proc");

    private FileHolders() {
    }

    static List<ProcessHandle> of(Path file) {
        Path target = realPath(file);
        List<ProcessHandle> holders = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && holds(process, target)) {
                    ProcessHandle.of(pid).ifPresent(holders::add);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or /proc hidden: the caller says what the holder may be
        }
        return holders;
    }

    private static boolean holds(Path process, Path target) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                if (target.equals(readLink(descriptor))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException notOurs) {
            // another user's process, or one that ended meanwhile
        }
        return false;
    }

    /** The process's command line, whole (ProcessHandle.Info may cut it), its arguments separated by NUL characters. */
    static List<String> commandLine(long pid) {
        try {
            String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("cmdline"), StandardCharsets.UTF_8);
            return List.of(text.split("\0"));
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static Path readLink(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException absent) {
            return file;
        }
    }
}
