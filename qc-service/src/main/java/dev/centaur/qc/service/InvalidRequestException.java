package dev.centaur.qc.service;

/** A request field has a bad value; the message names the field and the value. Nothing was written. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
