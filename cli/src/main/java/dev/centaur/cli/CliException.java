package dev.centaur.cli;

/** A failure to show the user as it is: the message says what went wrong and where to look. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
