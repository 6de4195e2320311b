package dev.scrumpoker.interfaces.representation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where users reach this service, for the links it hands out. Behind a load balancer set {@code PUBLIC_URL};
 * locally it is this node's own HTTP port on localhost.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "public.url")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "http.port", defaultValue = "9080")
    int httpPort;

    public String base() {
        return configured.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("http://localhost:" + httpPort);
    }
}
