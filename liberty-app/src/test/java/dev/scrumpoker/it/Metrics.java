package dev.scrumpoker.it;

/** Node A's Prometheus metrics, read with the metrics reader's credentials. */
final class Metrics {

    private Metrics() {
    }

    /** The value of the sample named {@code name} exactly (a counter's name ends in {@code _total}). */
    static double of(String name) {
        String metrics = Https.get("/metrics", Server.required("metrics.user"), Server.required("metrics.password"))
                .body();
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in /metrics"));
    }
}
