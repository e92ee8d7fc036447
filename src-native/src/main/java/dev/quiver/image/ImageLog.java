package dev.quiver.image;

import java.io.PrintStream;

/** Progress lines, each prefixed so they stand out in a Maven build's output. */
public final class ImageLog {

    private final PrintStream out;
    private final long start = System.nanoTime();

    public ImageLog(PrintStream out) {
        this.out = out;
    }

    public void info(String message) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.printf("[quiver-image %5.1fs] %s%n", millis / 1000.0, message);
        out.flush();
    }
}
