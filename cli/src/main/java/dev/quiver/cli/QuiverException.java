package dev.quiver.cli;

/** A failure the CLI reports as one line and an exit code (see {@link Exit}). */
public class QuiverException extends RuntimeException {
    private final int exitCode;

    public QuiverException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Exit 1: the command did not do what it should. */
    public static QuiverException failed(String message) {
        return new QuiverException(Exit.FAILURE, message);
    }

    /** Exit 2: the command line is wrong. */
    public static QuiverException usage(String message) {
        return new QuiverException(Exit.USAGE, message);
    }

    /** Exit 3: the platform is not running. */
    public static QuiverException notRunning(String message) {
        return new QuiverException(Exit.NOT_RUNNING, message);
    }
}
