package dev.scrumpoker.domain.account;

import java.util.Optional;
import java.util.UUID;

/** Where users are kept. */
public interface UserRepository {

    void add(User user);

    Optional<User> find(UUID id);

    /** The user, locked until the transaction ends: billing events for one user are applied one at a time. */
    Optional<User> findForUpdate(UUID id);

    Optional<User> findByEmail(String normalizedEmail);
}
