package dev.scrumpoker.interfaces.websocket;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Makes each connection's {@link RoomEndpoint} through a CDI {@link Instance} found once. Left to the container, every
 * handshake starts with a bean-manager lookup (Weld walking the deployment's archives by class name): in a
 * reconnection storm's thread dumps that lookup was on every busy executor thread. The endpoint has no destruction
 * callbacks, so the {@code Instance} keeps no reference to the endpoints it makes.
 */
public class RoomEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private volatile Instance<RoomEndpoint> endpoints;

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        Instance<RoomEndpoint> found = endpoints;
        if (found == null) {
            found = CDI.current().select(RoomEndpoint.class);
            endpoints = found;
        }
        return endpointClass.cast(found.get());
    }
}
