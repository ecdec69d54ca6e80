package cn.carbonmarket.bench;

import java.net.URI;

/**
 * Where a service the launcher started shows its Prometheus metrics: on its management interface, its API's port + 10
 * (infra/lib/services.sh), not on the API's port, which serves no /q/ in the packaged jar's prod profile.
 */
public final class Metrics {

    private Metrics() {
    }

    public static URI of(String serviceUrl) {
        URI api = URI.create(serviceUrl);
        return URI.create(api.getScheme() + "://" + api.getHost() + ":" + (api.getPort() + 10) + "/q/metrics");
    }
}
