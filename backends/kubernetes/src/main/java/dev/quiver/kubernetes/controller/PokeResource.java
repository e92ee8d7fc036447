package dev.quiver.kubernetes.controller;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code POST /quiver/poke/{namespace}/{function}}: 202 when the function's scaler will decide now, 404 if unknown. */
@Path("/quiver/poke")
public class PokeResource {
    private final FunctionController controller;

    public PokeResource(FunctionController controller) {
        this.controller = controller;
    }

    @POST
    @Path("{namespace}/{function}")
    public Response poke(@PathParam("namespace") String namespace, @PathParam("function") String function) {
        return Response.status(controller.poke(namespace, function) ? 202 : 404).build();
    }
}
