package dev.dealeval.application.error;

/**
 * Every failure the service reports to its caller on purpose, as one closed family: the API maps each
 * member to its problem document in one place (api/error/ProblemMappers), and a new member must be
 * added to this list, and so to that mapping, before it can be thrown.
 */
public abstract sealed class ServiceException extends RuntimeException
        permits BusyException,
                ConflictException,
                IdempotencyMismatchException,
                InvalidInputException,
                PreconditionRequiredException,
                StorageException,
                UnknownResourceException,
                VersionConflictException {
    ServiceException(String message) {
        super(message);
    }

    ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
