package dev.centaur.cli.dataset;

import java.nio.file.Path;

/** A data set file that cannot be read as the documented format; the message names file and line. */
public class DatasetFormatException extends RuntimeException {

    public DatasetFormatException(Path file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
    }

    public DatasetFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
