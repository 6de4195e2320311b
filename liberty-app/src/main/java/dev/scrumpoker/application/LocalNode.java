package dev.scrumpoker.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server node's name in the cluster. It is new at every start, so connections a previous run of the same
 * server held are recognised as gone rather than mistaken for this run's.
 */
@ApplicationScoped
public class LocalNode {

    @Inject
    @ConfigProperty(name = "http.port", defaultValue = "9080")
    String httpPort;

    private String id;

    @PostConstruct
    void name() {
        id = "node-" + httpPort + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }
}
