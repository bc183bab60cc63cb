package dev.centaur.inference.service;

/** A request field is wrong; the message names the field and the bad value. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
