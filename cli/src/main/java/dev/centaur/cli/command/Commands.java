package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.dataset.DatasetFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the client commands share: one way to turn a failure into a message and exit code 1. */
final class Commands {

    /** A command body that reports failures by throwing. */
    interface Body {
        void run();
    }

    private Commands() {
    }

    static int run(String command, Body body) {
        try {
            body.run();
            return 0;
        } catch (CliException | DatasetFormatException e) {
            System.out.flush();
            System.err.println("centaur " + command + ": " + e.getMessage());
            return 1;
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
