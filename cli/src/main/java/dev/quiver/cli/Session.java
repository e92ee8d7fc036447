package dev.quiver.cli;

import java.util.Map;

/** What every command works with: the workspace, the console, the environment. */
public record Session(Workspace workspace, Console console, Map<String, String> env) {

    private static volatile Session current;

    public static Session current() {
        Session s = current;
        if (s == null) {
            s = new Session(Workspace.detect(System.getenv()), Console.system(), System.getenv());
            current = s;
        }
        return s;
    }

    public static void use(Session s) {
        current = s;
    }

    /** The ports of the running platform (or the ones {@code up} would use). */
    public Ports ports() {
        return Ports.resolve(env, workspace.portsFile());
    }
}
