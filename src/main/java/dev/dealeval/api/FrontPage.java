package dev.dealeval.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The service's root leads to Swagger UI, where the API is described and can be tried. */
@Path("/")
public class FrontPage {
    static final URI SWAGGER_UI = URI.create("/q/swagger-ui/");

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(SWAGGER_UI).build();
    }
}
