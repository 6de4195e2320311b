package dev.scrumpoker.domain.account;

import java.util.Optional;
import java.util.UUID;

/** Where users are kept. */
public interface UserRepository {

    void add(User user);

    Optional<User> find(UUID id);

    Optional<User> findByEmail(String normalizedEmail);
}
