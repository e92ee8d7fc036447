package dev.quiver.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/** The JDK modules the image's runtime holds. */
public final class JvmModules {

    /**
     * What a Quarkus REST/Funqy app uses at run time (checked with jdeps on functions-examples/hello: java.base,
     * java.logging, java.management, java.naming, java.net.http, java.sql, jdk.management, jdk.unsupported), plus
     * TLS elliptic curves, JNDI DNS (Netty's resolver) and zip file systems. Not in it: java.desktop (AWT, ImageIO:
     * add it for image processing) and java.compiler/jdk.compiler (only Vert.x code generation references them).
     */
    public static final List<String> DEFAULT = List.of("java.base", "java.logging", "java.management",
            "java.naming", "java.net.http", "java.sql", "java.xml", "jdk.crypto.ec", "jdk.management",
            "jdk.naming.dns", "jdk.unsupported", "jdk.zipfs");

    /** Modules referenced only by build-time code paths that jdeps reports anyway. */
    private static final Set<String> BUILD_TIME_ONLY = Set.of("java.compiler", "jdk.compiler");

    private JvmModules() {
    }

    /** DEFAULT plus every module jdeps finds referenced by the app's jars (slower: one jdeps run per jar). */
    public static List<String> detect(Path app, ImageLog log) throws IOException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("--modules auto needs jdeps (run this tool on a JDK)"));
        Set<String> modules = new TreeSet<>(DEFAULT);
        List<Path> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            StringWriter out = new StringWriter();
            jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-summary", "-q",
                    "--multi-release", String.valueOf(Runtime.version().feature()), "--ignore-missing-deps",
                    jar.toString());
            modules.addAll(parseSummary(out.toString()));
        }
        modules.removeAll(BUILD_TIME_ONLY);
        log.info("modules (jdeps on " + jars.size() + " jars): " + String.join(",", modules));
        return List.copyOf(modules);
    }

    /** The JDK modules in {@code jdeps -summary} lines ({@code some.jar -> java.sql}). */
    static Set<String> parseSummary(String summary) {
        Set<String> modules = new TreeSet<>();
        summary.lines().map(String::strip).filter(l -> l.contains(" -> ")).map(l -> l.substring(l.indexOf(" -> ") + 4))
                .map(String::strip).filter(m -> m.startsWith("java.") || m.startsWith("jdk."))
                .forEach(modules::add);
        return modules;
    }

    public static List<String> parseList(String list) {
        List<String> modules = Stream.of(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String module : modules) {
            if (!module.matches("[a-zA-Z][\\w.]*")) {
                throw new IllegalArgumentException("--modules: '" + module + "' is not a module name");
            }
        }
        if (!modules.contains("java.base")) {
            throw new IllegalArgumentException("--modules must include java.base");
        }
        return modules;
    }
}
