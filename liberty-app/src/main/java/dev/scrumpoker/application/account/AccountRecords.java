package dev.scrumpoker.application.account;

import dev.scrumpoker.domain.account.User;
import dev.scrumpoker.domain.account.UserRepository;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The writes of signing up, each one short transaction: {@link AccountService} hashes passwords and signs tokens
 * outside it, so a sign-in never holds a pooled connection through 200 ms of PBKDF2 or an RSA signature.
 */
@ApplicationScoped
@Transactional
public class AccountRecords {

    @Inject
    UserRepository users;

    public void add(User user) {
        users.add(user);
    }

    /** Adds a registered user unless the email already has an account, both in one transaction. */
    public void addRegistered(User user) {
        if (users.findByEmail(user.email()).isPresent()) {
            throw new DomainException(Reason.CONFLICT, "an account with this email exists; log in instead");
        }
        users.add(user);
    }
}
