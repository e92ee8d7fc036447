package dev.quiver.local.backend;

/** How an instance was launched: a short mode ({@code jdk25-aot}, {@code jdk17-appcds}, {@code native}) and why. */
public record LaunchInfo(String mode, String reason) {
    public static final LaunchInfo UNKNOWN = new LaunchInfo("-", "");
}
