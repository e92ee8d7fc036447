package dev.quiver.scaler.simulator;

import java.nio.file.Path;

/** A problem in an input file, reported as {@code file:line: reason} (line 0 = the file as a whole). */
public final class InputException extends RuntimeException {
    private final transient Path file;
    private final int line;
    private final String reason;

    public InputException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
