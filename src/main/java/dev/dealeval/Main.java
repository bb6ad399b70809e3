package dev.dealeval;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. One thing happens before Quarkus starts: Quarkus' outermost HTTP handler,
 * which refuses a request target {@code java.net.URI} cannot parse ({@code ?page=%zz}) with an empty
 * 400 before any handler of the application runs, is told to pass it on, so that
 * {@link dev.dealeval.api.error.HttpGuard} refuses it with problem+json instead (it makes the same
 * check, and more). The property is read once, when that handler is built; the tests set it in the
 * build (pom.xml, surefire) since they start Quarkus without this class.
 */
@QuarkusMain
public final class Main {
    /** The system property Quarkus' outermost handler reads. */
    public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
