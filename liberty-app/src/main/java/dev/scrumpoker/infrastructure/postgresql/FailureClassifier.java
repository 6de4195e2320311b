package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.application.InputFaults;
import dev.scrumpoker.domain.shared.DomainException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a database failure that the request caused into the request's refusal, inside the repository's circuit
 * breaker (a larger priority than Fault Tolerance's runs within it), so that only outages count toward it. Before, ten
 * logins with a NUL character in the email opened the users' breaker: every sign-in answered 503 for everyone.
 */
@ClassifiesFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class FailureClassifier {

    private static final Logger LOG = Logger.getLogger(FailureClassifier.class.getName());

    @AroundInvoke
    public Object classify(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (PersistenceException failure) {
            Optional<DomainException> refusal = InputFaults.of(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            LOG.info(() -> "Refused input the database cannot take, in " + invocation.getMethod().getDeclaringClass()
                    .getSimpleName() + "." + invocation.getMethod().getName() + ": " + rootMessage(failure));
            throw refusal.get();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd);
    }
}
