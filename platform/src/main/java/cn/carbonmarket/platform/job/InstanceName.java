package cn.carbonmarket.platform.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The name this process owns leases and records runs under: the pod's name in Kubernetes (HOSTNAME), and the
 * process id beside it, so that two instances on one machine (as the launcher starts them) differ too.
 */
@ApplicationScoped
public class InstanceName {

    private final String name = Optional.ofNullable(System.getenv("HOSTNAME")).orElseGet(InstanceName::localHost)
            + ":" + ProcessHandle.current().pid();

    public String name() {
        return name;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
