package dev.dealeval.api.openapi;

import dev.dealeval.application.model.ModelRegistry;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * At start-up, when dealeval.model.path names a model file of one's own, the served document's
 * bundle schema becomes that model's, so that its terms are what Swagger UI shows and what clients
 * generated from the served document send. With the built-in model the build's schema stands.
 */
@ApplicationScoped
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RunningModelSchemaFilter implements OASFilter {
    private final ModelRegistry registry;

    public RunningModelSchemaFilter(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (!registry.builtInModel()) {
            BundleSchema.apply(api, registry.model());
        }
    }
}
