package dev.quiver.kubernetes.model;

import java.util.Locale;

/** Quarkus/MicroProfile config's environment variable naming: non-alphanumerics become '_', upper case. */
public final class EnvNames {
    private EnvNames() {}

    public static String of(String property) {
        StringBuilder sb = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
