package cn.carbonmarket.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One trading-service process of the failover test, from the packaged jar, started by the launcher's own
 * {@code start_service} (infra/lib/services.sh) so that it gets exactly the environment the launcher gives the prod
 * profile: database {@code trading_ha}, topics {@code ha.*}, a consumer group of its own. Killed by its pid.
 */
final class FailoverInstance {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String LIBS = "source infra/lib/common.sh; source infra/lib/postgres.sh;"
            + " source infra/lib/kafka.sh; source infra/lib/keycloak.sh; source infra/lib/services.sh; ";

    final String name;
    final int port;
    private final ProcessHandle process;

    private FailoverInstance(String name, int port, ProcessHandle process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** An empty database trading_ha and empty ha.* topics (and their consumer groups). */
    static void freshMarket() {
        launcher("fresh_database trading_ha trading && kafka_ready --fresh ha.");
    }

    /** Starts {@code name} (its pid file and log under .market) on {@code port}; does not wait for it. */
    static FailoverInstance start(String name, int port) {
        launcher("start_service trading " + port + " trading_ha " + name + " ha.");
        try {
            long pid = Long.parseLong(Files.readString(ROOT.resolve(".market/pids/" + name + ".pid")).strip());
            return new FailoverInstance(name, port, ProcessHandle.of(pid).orElseThrow(
                    () -> new IllegalStateException(name + " exited at once; see .market/logs/" + name + ".log")));
        } catch (IOException e) {
            throw new IllegalStateException("no pid file of " + name, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, the lease is not released, records in flight are cut off. */
    void kill() {
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        forget();
    }

    /** SIGTERM: a clean stop, which releases the exchange's lease. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        forget();
    }

    /** The launcher's pid file goes with the process, as its stop_process does. */
    private void forget() {
        try {
            Files.deleteIfExists(ROOT.resolve(".market/pids/" + name + ".pid"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void launcher(String commands) {
        try {
            Process bash = new ProcessBuilder("bash", "-c", "set -e; ROOT=" + ROOT + "; cd \"$ROOT\"; " + LIBS
                    + commands).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!bash.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS) || bash.exitValue() != 0) {
                throw new IllegalStateException("the launcher failed: " + commands);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the launcher", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
