package dev.dbtool.runtime;

import java.util.Optional;

/** Finds the principal of a session id ({@code Authorization: Session <id>}); the cache layer's session store is one. */
@FunctionalInterface
public interface SessionLookup {
    Optional<Principal> find(String sessionId) throws Exception;
}
