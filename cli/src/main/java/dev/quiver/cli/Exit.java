package dev.quiver.cli;

/** The exit codes of every command. */
public final class Exit {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_RUNNING = 3;

    private Exit() {}
}
