package dev.centaur.inference.service;

/** A model name or version id that does not exist; the message names it. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
