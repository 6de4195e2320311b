/** What every bounded context shares: the domain's refusal type and text rules. */
package dev.scrumpoker.domain.shared;
