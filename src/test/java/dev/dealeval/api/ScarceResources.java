package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * One test configuration for the tests of scarce resources, so that Quarkus starts once for all of them: one turn
 * for heavy analyses with no wait (AnalysisCapacityTest), and an anonymous storage quota of 3 a minute and 100 a
 * day (AnonymousStoreQuotaApiTest). The two limits do not meet: evaluations take no analysis turn, and analyses
 * store nothing.
 */
public class ScarceResources implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dealeval.analysis.max-concurrent", "1",
                "dealeval.analysis.busy-wait", "0s",
                "dealeval.security.anonymous-stores-per-minute", "3",
                "dealeval.security.anonymous-stores-per-day", "100");
    }
}
