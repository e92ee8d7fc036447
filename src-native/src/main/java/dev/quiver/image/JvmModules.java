package dev.quiver.image;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The JDK modules the image's runtime holds. */
public final class JvmModules {

    /**
     * What a Quarkus REST/Funqy app uses at run time (checked with jdeps on functions-examples/hello: java.base,
     * java.logging, java.management, java.naming, java.net.http, java.sql, jdk.management, jdk.unsupported), plus
     * TLS elliptic curves, JNDI DNS (Netty's resolver) and zip file systems. Not in it: java.desktop (AWT, ImageIO:
     * add it for image processing) and java.compiler/jdk.compiler (only Vert.x code generation references them).
     */
    public static final List<String> DEFAULT = List.of(
            "java.base",
            "java.logging",
            "java.management",
            "java.naming",
            "java.net.http",
            "java.sql",
            "java.xml",
            "jdk.crypto.ec",
            "jdk.management",
            "jdk.naming.dns",
            "jdk.unsupported",
            "jdk.zipfs");

    /** Modules referenced only by build-time code paths that jdeps reports anyway. */
    private static final Set<String> BUILD_TIME_ONLY = Set.of("java.compiler", "jdk.compiler");

    private JvmModules() {}

    /**
     * DEFAULT plus every JDK module the app's jars reference, by jdeps (one run per jar; ~15 s for hello's 126),
     * or for a modular jar jdeps cannot resolve alone, by its module-info's requires. A superset of what runs
     * need: a class that merely mentions java.beans pulls in java.desktop.
     */
    public static List<String> detect(Path app, ImageLog log) throws IOException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("--modules auto needs jdeps (run this tool on a JDK)"));
        Set<String> modules = new TreeSet<>(DEFAULT);
        List<Path> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        // a modular jar needs the others on the module path, or jdeps stops at its first missing "requires"
        String modulePath = jars.stream()
                .map(Path::getParent)
                .distinct()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        int unread = 0;
        for (Path jar : jars) {
            Optional<Set<String>> found = jdeps(jdeps, jar.toString())
                    .or(() -> jdeps(jdeps, "--module-path", modulePath, jar.toString()))
                    .map(JvmModules::parseSummary)
                    .or(() -> declaredJdkModules(jar));
            found.ifPresent(modules::addAll);
            if (found.isEmpty()) {
                unread++;
                log.info("jdeps could not read " + app.relativize(jar) + "; its modules are not counted");
            }
        }
        if (unread > 0) {
            log.info(unread + " jars unread by jdeps: check the image runs (or name the modules with --modules)");
        }
        modules.removeAll(BUILD_TIME_ONLY);
        log.info("modules (jdeps on " + jars.size() + " jars): " + String.join(",", modules));
        return List.copyOf(modules);
    }

    private static Optional<String> jdeps(ToolProvider jdeps, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "-summary",
                "-q",
                "--multi-release",
                String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        try {
            int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), all.toArray(String[]::new));
            return exit == 0 ? Optional.of(out.toString()) : Optional.empty();
        } catch (RuntimeException e) { // FindException and friends for modules it cannot resolve
            return Optional.empty();
        }
    }

    /** A modular jar's own word for the JDK modules it uses: its module-info's requires. */
    private static Optional<Set<String>> declaredJdkModules(Path jar) {
        try {
            return ModuleFinder.of(jar).findAll().stream()
                    .findFirst()
                    .filter(m -> !m.descriptor().isAutomatic())
                    .map(m -> m.descriptor().requires().stream()
                            .map(ModuleDescriptor.Requires::name)
                            .filter(n -> n.startsWith("java.") || n.startsWith("jdk."))
                            .collect(Collectors.toCollection(TreeSet::new)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JDK modules in {@code jdeps -summary} lines ({@code some.jar -> java.sql}). */
    static Set<String> parseSummary(String summary) {
        Set<String> modules = new TreeSet<>();
        summary.lines()
                .map(String::strip)
                .filter(l -> l.contains(" -> "))
                .map(l -> l.substring(l.indexOf(" -> ") + 4))
                .map(String::strip)
                .filter(m -> m.startsWith("java.") || m.startsWith("jdk."))
                .forEach(modules::add);
        return modules;
    }

    public static List<String> parseList(String list) {
        List<String> modules = Stream.of(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
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
