package io.restorejobcanceller.atlas.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file holding credentials (a private key, the Atlas CLI's configuration): read only if it is a regular file of a
 * sensible size ({@code /dev/zero} or a log file named by mistake would otherwise fill the heap), and, as ssh does,
 * a warning when other users can read it.
 */
public final class SecretFile {

    /** Far more than a private key or an Atlas CLI configuration holds. */
    static final int MAX_BYTES = 64 * 1024;

    private SecretFile() {
    }

    /** @throws IOException with a message naming the file and what is wrong with it */
    public static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        warnIfOthersCanRead(file);
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + (e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName()) + ")", e);
        }
        if (content.length > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES / 1024 + " KiB, more than such a file holds");
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    private static void warnIfOthersCanRead(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException notPosix) {
            return;
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            System.err.println("warning: " + file + " holds credentials and other users can read it ("
                    + PosixFilePermissions.toString(permissions) + "): chmod 600 " + file);
        }
    }
}
