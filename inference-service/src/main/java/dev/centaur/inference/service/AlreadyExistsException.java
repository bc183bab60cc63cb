package dev.centaur.inference.service;

/** An id that is taken by something else (a FineTune request_id reused for another request). */
public class AlreadyExistsException extends RuntimeException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
