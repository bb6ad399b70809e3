package dev.dealeval.api;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a PostgreSQL test class, visibly, when nothing listens on 127.0.0.1:5432. */
public class PostgresAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(PostgresTestProfile.HOST, PostgresTestProfile.PORT), 1000);
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        } catch (Exception e) {
            String why = "SKIPPED: PostgreSQL is not reachable at " + PostgresTestProfile.HOST + ":"
                    + PostgresTestProfile.PORT + " (" + e.getMessage() + "); " + context.getDisplayName()
                    + " did not run";
            System.err.println(why);
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
