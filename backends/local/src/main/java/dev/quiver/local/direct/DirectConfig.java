package dev.quiver.local.direct;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Functions' direct addresses ({@code quiver.platform.direct.*}); mapped once into {@link DirectSettings}. */
@ConfigMapping(prefix = "quiver.platform.direct")
public interface DirectConfig {
    /**
     * Whether each function gets a direct address served by its instances themselves (the activator only at zero or
     * with a traffic split); false: every request goes through the activator's port.
     */
    @WithDefault("true")
    boolean enabled();

    /** The address direct ports listen on; empty: {@code quiver.platform.bind}. */
    Optional<String> host();

    /** First port given to a function that has none pinned ({@code directPort} in its spec is not read yet). */
    @WithDefault("19100")
    int firstPort();

    /** Last port of the range direct ports are given from. */
    @WithDefault("19999")
    int lastPort();
}
