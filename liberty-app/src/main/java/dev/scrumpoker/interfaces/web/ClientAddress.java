package dev.scrumpoker.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for limits per client. The peer's address, unless the peer is one of the
 * configured proxies (the OpenShift router, a load balancer): then the last address that proxy put in
 * {@code X-Forwarded-For}. Nothing is trusted by default, since anyone can send that header.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "limits.trusted-proxies")
    Optional<List<String>> trustedProxies;

    private Set<String> proxies;

    @PostConstruct
    void readProxies() {
        proxies = Set.copyOf(trustedProxies.orElse(List.of()));
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!proxies.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
    }
}
