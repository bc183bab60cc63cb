package dev.centaur.router.error;

/** The request names a project or item that does not exist. */
public final class NotFoundException extends RouterException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException project(String projectId) {
        return new NotFoundException("project \"" + projectId + "\" does not exist");
    }

    public static NotFoundException item(String projectId, String itemId) {
        return new NotFoundException("item \"" + itemId + "\" does not exist in project \"" + projectId + "\"");
    }
}
