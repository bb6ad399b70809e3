package dev.dealeval.application.model;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the deal model is loaded and compiled (start-up fails otherwise); reports what is loaded. */
@Readiness
public class ModelReadinessCheck implements HealthCheck {
    private final ModelRegistry registry;

    public ModelReadinessCheck(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        var model = registry.model();
        return HealthCheckResponse.named("deal-model")
                .up()
                .withData("version", model.version())
                .withData("terms", model.terms().size())
                .withData("scenarios", model.scenarios().size())
                .withData("profiles", model.profiles().size())
                .build();
    }
}
