/** Security adapters: the token signing key, token issuing and verification, and password hashing. */
package dev.scrumpoker.infrastructure.security;
