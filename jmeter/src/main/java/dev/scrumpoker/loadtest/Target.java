package dev.scrumpoker.loadtest;

import java.net.URI;

/**
 * Where the load goes: the app itself over plain HTTP (a node, a Service) or the public entry over TLS (an OpenShift
 * Route, a balancer), where REST is https and room connections are wss. Over TLS the JVM's trust store decides which
 * certificates are accepted: a private router CA is added with javax.net.ssl.trustStore (scripts/run-scenarios.sh
 * --ca), never by trusting every certificate.
 */
record Target(String scheme, String host, int port) {

    Target {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, not " + scheme);
        }
    }

    /** A REST resource under /api/v1/. */
    URI api(String path) {
        return URI.create(scheme + "://" + host + ":" + port + "/api/v1/" + path);
    }

    /** A room's WebSocket, with its one-time ticket or token in the query. */
    URI room(String roomId, String token) {
        String webSocketScheme = scheme.equals("https") ? "wss" : "ws";
        return URI.create(webSocketScheme + "://" + host + ":" + port + "/ws/room/" + roomId + "?token=" + token);
    }
}
