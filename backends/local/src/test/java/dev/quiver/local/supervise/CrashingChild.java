package dev.quiver.local.supervise;

/** A tiny child for {@link SupervisorIT}: says it is ready, then exits 3 after the given milliseconds. */
public final class CrashingChild {
    private CrashingChild() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.parseLong(args[0]));
        System.exit(3);
    }
}
