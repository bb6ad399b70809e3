package dev.dealeval.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Liveness and readiness on the API port too, for what checks a service on the port it serves (a load
 * balancer's target check, a container tool that knows only 8080): the same checks and answers as the
 * management interface's (port 9000), which the orchestrator uses because no client of the API port can
 * crowd it out (docs/hostile-clients.md, "Connections"). 200 when UP, 503 when DOWN, with the checks.
 */
@Path("/q/health")
@Produces(MediaType.APPLICATION_JSON)
public class ServingPortHealth {
    private final SmallRyeHealthReporter reporter;

    public ServingPortHealth(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    @GET
    @Path("/live")
    @Blocking
    @Operation(hidden = true)
    public Response live() {
        return answer(reporter.getLiveness());
    }

    @GET
    @Path("/ready")
    @Blocking
    @Operation(hidden = true)
    public Response ready() {
        return answer(reporter.getReadiness());
    }

    private static Response answer(SmallRyeHealth health) {
        return Response.status(health.isDown() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                .entity(health.getPayload().toString())
                .build();
    }
}
