package dev.centaur.cli.launch;

/**
 * The PostgreSQL database the services use. {@code embedded} is the embedded server when one was
 * started (closing this stops it), or null when an existing server is used.
 */
public record Database(String jdbcUrl, String username, String password, AutoCloseable embedded)
        implements AutoCloseable {

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
