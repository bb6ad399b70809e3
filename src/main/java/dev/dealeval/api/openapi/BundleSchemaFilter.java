package dev.dealeval.api.openapi;

import dev.dealeval.adapter.modelfile.ModelFileReader;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Writes the bundle's schema into the OpenAPI document at build time, from the built-in model file
 * (src/main/resources/model/deal-model.yaml), read by the model file's reader itself since no bean
 * exists yet at build time; the document the build stores, and the one committed
 * under openapi/, carry it. {@link RunningModelSchemaFilter} does the same at start-up when the
 * service runs a model file of its own.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BundleSchemaFilter implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI api) {
        BundleSchema.apply(api, ModelFileReader.builtIn());
    }
}
