package dev.quiver.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds an image tar of a Quarkus JVM app without a Docker daemon, with Jib. */
@Command(
        name = "quiver-image",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        version = "quiver-image " + QuiverImage.VERSION,
        description = {
            "Builds a container image of a Quarkus JVM app (target/quarkus-app) into a tar, without a Docker daemon.",
            "--output is a Docker image tar ('docker load', 'podman load'); --oci-output an OCI image layout tar.",
            "",
            "  java -cp 'src-native/target/quiver-src-native-0.1.0-SNAPSHOT.jar:src-native/target/lib/*' \\",
            "    dev.quiver.image.QuiverImage --app functions-examples/hello/target/quarkus-app \\",
            "    --image quiver/hello:0.1.0 --output hello.tar --base jlink --make-cds-archive",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:image written", "1:build failed", "2:wrong arguments"})
public final class QuiverImage implements Callable<Integer> {

    static final String VERSION = "0.1.0";

    @Option(
            names = "--app",
            required = true,
            paramLabel = "DIR",
            description = "the app's Quarkus app directory (target/quarkus-app)")
    Path app;

    @Option(
            names = "--image",
            required = true,
            paramLabel = "REF",
            description = "the image's name and tag, e.g. registry.example.com/team/hello:1.0")
    String image;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "TAR",
            description =
                    "the image tar to write, in Docker's format (docker load, podman load, skopeo docker-archive:)")
    Path output;

    @Option(
            names = "--oci-output",
            paramLabel = "TAR",
            description = "also write the image as an OCI image layout tar (skopeo/podman oci-archive:, crane, ...)")
    Path ociOutput;

    @Option(
            names = "--base",
            defaultValue = "jlink",
            paramLabel = "BASE",
            description = "jlink (default: from scratch, a jlink runtime of --jdk plus the shared libraries it needs "
                    + "from this machine), registry://<image> (a JRE image, e.g. registry://eclipse-temurin:21-jre; "
                    + "needs the registry) or tar://<image tar>")
    String base;

    @Option(
            names = "--modules",
            defaultValue = "default",
            paramLabel = "LIST",
            description = "jlink base: 'default' (what a Quarkus HTTP app needs: java.base, java.logging, "
                    + "java.management, java.naming, java.net.http, java.sql, java.xml, jdk.crypto.ec, jdk.management, "
                    + "jdk.naming.dns, jdk.unsupported, jdk.zipfs), 'auto' (default + what jdeps finds in the app's "
                    + "jars) or a comma-separated module list")
    String modules;

    @Option(
            names = "--jdk",
            paramLabel = "DIR",
            description = "jlink base: the JDK whose jlink makes the runtime " + "(default: the JDK running this tool)")
    Path jdk;

    @Option(
            names = "--java",
            paramLabel = "PATH",
            description = "the java launcher the entrypoint runs (default: "
                    + "/opt/java/bin/java for jlink, java on the base image's PATH otherwise)")
    String java;

    @Option(
            names = "--user",
            defaultValue = "185",
            description = "the user the app runs as (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--port", defaultValue = "8080", description = "the HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "an environment variable of the image (repeat)")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "a JVM option of the entrypoint (repeat)")
    List<String> jvmOptions = new ArrayList<>();

    @Option(
            names = "--trust-start-archives",
            description = "registry/tar base: include app-cds.jsa/app.aot "
                    + "unchecked (only if they were made by the base image's JDK)")
    boolean trustStartArchives;

    @Option(
            names = "--make-cds-archive",
            description = "jlink base: when the app's app-cds.jsa does not fit the "
                    + "image's runtime (an archive from the full JDK never fits a jlink runtime), make one with that runtime "
                    + "(starts the app once, ~10-15 s) so the image starts faster")
    boolean makeCdsArchive;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "work and layer cache directory (default: " + ".quiver-image-cache beside --output)")
    Path cache;

    @Option(
            names = "--runtime-cache",
            paramLabel = "DIR",
            description = "jlink base: where jlink runtimes are kept "
                    + "for reuse, keyed by the JDK's release file and the modules (default: the --cache directory)")
    Path runtimeCache;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine command = new CommandLine(new QuiverImage());
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                cmd.getErr().println("quiver-image: " + e.getMessage());
                return e instanceof IllegalArgumentException ? 2 : 1;
            }
            cmd.getErr().println("quiver-image: build failed: " + e);
            e.printStackTrace(cmd.getErr());
            return 1;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        ImageLog log = new ImageLog(System.out);
        Base baseImage = Base.parse(base);
        if (!Files.isDirectory(app)) {
            throw new IllegalArgumentException("--app " + app + " is not a directory; build the app first "
                    + "(./mvnw -B package -pl <app> -am -DskipTests)");
        }
        ImageReference target = ImageReference.parse(image);
        Path work = cache != null ? cache : output.toAbsolutePath().getParent().resolve(".quiver-image-cache");
        Files.createDirectories(work);
        Files.createDirectories(output.toAbsolutePath().getParent());
        log.info("image " + target + " from " + app + " on base " + base);

        JibContainerBuilder builder;
        Optional<Path> runtimeJava;
        List<FileEntriesLayer> baseLayers = List.of();
        Map<String, String> environment = new LinkedHashMap<>();
        String launcher;
        if (baseImage.fromScratch()) {
            Path jdkHome = jdk != null ? jdk : Path.of(System.getProperty("java.home"));
            List<String> moduleList = switch (modules) {
                case "default" -> JvmModules.DEFAULT;
                case "auto" -> JvmModules.detect(app, log);
                default -> JvmModules.parseList(modules);
            };
            Path runtime = JlinkRuntime.create(jdkHome, moduleList, runtimeCache != null ? runtimeCache : work, log);
            List<SharedLibraries.Library> libraries = SharedLibraries.of(runtime, log);
            baseLayers = ScratchBase.layers(runtime, libraries, user, work);
            runtimeJava = Optional.of(runtime.resolve("bin/java"));
            launcher = ScratchBase.JAVA_HOME.resolve("bin/java").toString();
            environment.put("JAVA_HOME", ScratchBase.JAVA_HOME.toString());
            environment.put("PATH", ScratchBase.JAVA_HOME.resolve("bin") + ":/usr/bin:/bin");
            environment.put("LANG", "C.UTF-8");
            builder = Jib.fromScratch().setPlatforms(Set.of(new Platform(architecture(), "linux")));
        } else {
            runtimeJava = Optional.empty();
            launcher = "java";
            builder = Jib.from(baseImage.reference());
        }
        if (java != null) {
            launcher = java;
        }

        if (makeCdsArchive && runtimeJava.isEmpty()) {
            throw new IllegalArgumentException("--make-cds-archive needs --base jlink: the base image's JDK cannot "
                    + "run here; make the archive with it (quarkus.package.jar.appcds.builder-image=<base>)");
        }
        List<Path> included = new ArrayList<>();
        List<String> entrypoint = new ArrayList<>(List.of(
                launcher,
                "-Dquarkus.http.host=0.0.0.0",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-XX:MaxRAMPercentage=75.0"));
        for (StartArchives.Decision decision : StartArchives.decide(app, runtimeJava, trustStartArchives, log)) {
            if (decision.include()) {
                included.add(app.resolve(decision.archive().name()));
                entrypoint.add(decision.archive().useOption());
            }
        }
        boolean keepTimes = !included.isEmpty(); // the app's own archives check the jars' real times
        if (makeCdsArchive && included.stream().noneMatch(p -> p.endsWith("app-cds.jsa"))) {
            included.add(StartArchives.makeCdsArchive(app, runtimeJava.get(), work, log));
            entrypoint.add(StartArchives.KNOWN.get(0).useOption());
        }
        entrypoint.addAll(jvmOptions);
        entrypoint.addAll(
                List.of("-jar", AppLayers.DEPLOYMENTS.resolve("quarkus-run.jar").toString()));
        environment.putAll(env);

        for (FileEntriesLayer layer : baseLayers) {
            builder.addFileEntriesLayer(layer);
        }
        for (FileEntriesLayer layer : AppLayers.of(app, included, keepTimes)) {
            builder.addFileEntriesLayer(layer);
        }
        builder.setEntrypoint(entrypoint)
                .setProgramArguments(List.of())
                .setWorkingDirectory(AppLayers.DEPLOYMENTS)
                .setExposedPorts(Set.of(Port.tcp(port)))
                .setUser(user)
                .setEnvironment(environment)
                .addLabel("org.opencontainers.image.title", target.getRepository())
                .addLabel("dev.quiver.image.base", baseImage.kind() == Base.Kind.TAR ? "tar" : base);

        log.info("entrypoint: " + String.join(" ", entrypoint));
        write(builder.setFormat(ImageFormat.Docker), target, output, work, log);
        if (ociOutput != null) {
            write(builder.setFormat(ImageFormat.OCI), target, ociOutput, work, log);
        }
        return 0;
    }

    private static void write(JibContainerBuilder builder, ImageReference target, Path tar, Path work, ImageLog log)
            throws Exception {
        Files.createDirectories(tar.toAbsolutePath().getParent());
        Containerizer containerizer = Containerizer.to(
                        TarImage.at(tar.toAbsolutePath()).named(target))
                .setToolName("quiver-image")
                .setToolVersion(VERSION)
                .setApplicationLayersCache(work.resolve("layers"))
                .setBaseImageLayersCache(work.resolve("base-layers"))
                .addEventHandler(LogEvent.class, event -> {
                    if (event.getLevel().compareTo(LogEvent.Level.LIFECYCLE) <= 0
                            && !event.getMessage().isBlank()) {
                        log.info(event.getMessage());
                    }
                });
        JibContainer container = builder.containerize(containerizer);
        log.info("wrote " + tar + " (" + Files.size(tar) / (1024 * 1024) + " MB), image " + container.getTargetImage()
                + ", digest " + container.getDigest());
    }

    static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }
}
