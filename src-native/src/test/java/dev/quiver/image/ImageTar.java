package dev.quiver.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A Docker image tar (docker save / Jib TarImage) read for tests: manifest.json, the config and each layer. */
final class ImageTar {

    record Entry(String path, int mode, long size, boolean directory) {
        boolean executable() {
            return (mode & 0111) != 0;
        }
    }

    record Layer(String name, long compressedSize, List<Entry> entries) {
        boolean has(String path) {
            return entries.stream().anyMatch(e -> e.path().equals(path));
        }

        Entry get(String path) {
            return entries.stream()
                    .filter(e -> e.path().equals(path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("layer " + name + " has no " + path));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, byte[]> files = new LinkedHashMap<>();
    final JsonNode manifest;
    final JsonNode config;
    final List<Layer> layers = new ArrayList<>();

    ImageTar(Path tar) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        manifest = JSON.readTree(file("manifest.json"));
        config = JSON.readTree(file(manifest.get(0).get("Config").asText()));
        JsonNode history = config.get("history");
        int i = 0;
        for (JsonNode layerFile : manifest.get(0).get("Layers")) {
            byte[] gz = file(layerFile.asText());
            layers.add(new Layer(history.get(i++).get("comment").asText(), gz.length, entries(gz)));
        }
    }

    byte[] file(String name) {
        byte[] content = files.get(name);
        if (content == null) {
            throw new AssertionError("the image tar has no " + name + "; it has " + files.keySet());
        }
        return content;
    }

    Layer layer(String name) {
        return layers.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no layer " + name + " in "
                        + layers.stream().map(Layer::name).toList()));
    }

    List<String> configList(String key) {
        List<String> values = new ArrayList<>();
        config.get("config").path(key).forEach(v -> values.add(v.asText()));
        return values;
    }

    byte[] layerFile(String layer, String path) throws IOException {
        int index = layers.indexOf(layer(layer));
        try (TarArchiveInputStream in = layerStream(index)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (normalize(e.getName()).equals(path)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("layer " + layer + " has no " + path);
    }

    /**
     * Unpacks the layers in order into {@code rootfs}, as a container runtime does (files, directories, modes and
     * modification times: an AppCDS archive checks the jars' times).
     */
    void extract(Path rootfs) throws IOException {
        for (int i = 0; i < layers.size(); i++) {
            try (TarArchiveInputStream in = layerStream(i)) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    Path target =
                            rootfs.resolve(normalize(e.getName()).substring(1)).normalize();
                    if (!target.startsWith(rootfs)) {
                        throw new IOException("layer entry outside the root: " + e.getName());
                    }
                    String name = target.getFileName() == null
                            ? ""
                            : target.getFileName().toString();
                    if (name.startsWith(".wh.")) {
                        throw new IOException("whiteouts are not expected in this image: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isFile()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        throw new IOException("unexpected entry type in a Jib layer: " + e.getName());
                    }
                    Files.setPosixFilePermissions(target, permissions(e.getMode()));
                    Files.setLastModifiedTime(
                            target, FileTime.from(e.getLastModifiedDate().toInstant()));
                }
            }
        }
    }

    private TarArchiveInputStream layerStream(int index) throws IOException {
        byte[] gz = file(manifest.get(0).get("Layers").get(index).asText());
        return new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gz)));
    }

    private static List<Entry> entries(byte[] gz) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream raw = new GZIPInputStream(new ByteArrayInputStream(gz));
                TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(new Entry(normalize(e.getName()), e.getMode(), e.getSize(), e.isDirectory()));
            }
        }
        return entries;
    }

    private static String normalize(String name) {
        String path = name.startsWith("/") ? name : "/" + name;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
