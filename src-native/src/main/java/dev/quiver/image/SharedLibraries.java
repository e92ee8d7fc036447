package dev.quiver.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared libraries a jlink runtime needs from the build machine (the dynamic loader, libc, libm, libz, ...),
 * found with {@code ldd} on every ELF file of the runtime. Libraries inside the runtime itself are left out.
 */
public final class SharedLibraries {

    /** A library as the image must hold it: at {@code imagePath}, with the content of {@code hostFile}. */
    public record Library(String imagePath, Path hostFile) {}

    private static final Pattern RESOLVED = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+(\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
    private static final Pattern NOT_FOUND = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found\\s*$");
    private static final Pattern DIRECT = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");

    private SharedLibraries() {}

    /** One line of ldd: a library's name and where the loader found it ({@code null}: not found). */
    public record Needed(String name, String path) {}

    /**
     * The libraries named in one {@code ldd} output, with the path the loader resolved (the path the image must
     * hold: the loader has no ld.so.cache there and searches its default directories). The vDSO is skipped.
     */
    public static List<Needed> parseLdd(String lddOutput) {
        List<Needed> needed = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            Matcher notFound = NOT_FOUND.matcher(line);
            Matcher resolved = RESOLVED.matcher(line);
            Matcher direct = DIRECT.matcher(line);
            if (notFound.matches()) {
                needed.add(new Needed(notFound.group(1), null));
            } else if (resolved.matches()) {
                needed.add(new Needed(resolved.group(1), resolved.group(2)));
            } else if (direct.matches()) {
                needed.add(new Needed(direct.group(1), direct.group(1))); // the loader, as named in PT_INTERP
            }
        }
        return needed;
    }

    /** Every library outside {@code runtime} that its ELF files need, keyed by image path. */
    public static List<Library> of(Path runtime, ImageLog log) throws IOException, InterruptedException {
        Path realRuntime = runtime.toRealPath();
        Map<String, Library> libraries = new TreeMap<>();
        List<Path> elfFiles;
        try (Stream<Path> files = Files.walk(realRuntime)) {
            elfFiles = files.filter(Files::isRegularFile)
                    .filter(SharedLibraries::isElf)
                    .sorted()
                    .toList();
        }
        Set<String> ownNames =
                elfFiles.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        for (Path elf : elfFiles) {
            for (Needed needed : parseLdd(ldd(elf))) {
                if (needed.path() == null) {
                    if (ownNames.contains(needed.name())) {
                        continue; // e.g. libjava.so -> libjvm.so: loaded by the launcher before, found by name
                    }
                    throw new IllegalStateException(realRuntime.relativize(elf) + " needs " + needed.name()
                            + ", which ldd did not find on this machine; install it or leave out the module that "
                            + "needs it");
                }
                String path = needed.path();
                Path host = Path.of(path);
                if (host.toRealPath().startsWith(realRuntime)) {
                    continue;
                }
                libraries.putIfAbsent(path, new Library(path, host.toRealPath()));
            }
        }
        log.info("shared libraries from this machine (ldd on " + elfFiles.size() + " ELF files of the runtime): "
                + String.join(" ", libraries.keySet()));
        return List.copyOf(libraries.values());
    }

    static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static String ldd(Path elf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ldd", elf.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 && !output.contains("statically linked") && !output.contains("not a dynamic executable")) {
            throw new IOException("ldd " + elf + " exited " + exit + ": " + output.strip());
        }
        return output;
    }
}
