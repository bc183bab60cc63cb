package dev.centaur.qc.service;

/** An id that names nothing (unknown project or review); the message names the id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
