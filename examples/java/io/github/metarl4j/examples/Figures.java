package io.github.metarl4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing an example's figure. */
final class Figures {

    private Figures() {
    }

    /** Writes {@code png} to {@code path}, making its folder, and says so. */
    static void write(Path path, byte[] png) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.write(path, png);
            System.out.println("wrote " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
