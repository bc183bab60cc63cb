package dev.centaur.qc.service;

/** The caller may not do this (PERMISSION_DENIED, HTTP 403); the message names the field and the values. */
public final class PermissionDeniedException extends RuntimeException {

    public PermissionDeniedException(String message) {
        super(message);
    }
}
