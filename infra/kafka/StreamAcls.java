import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Gives the broker exactly the ACLs acls.txt declares, for every namespace of the market's topics ("" for the
 * market, "test.", "e2e.", "bench." and "ha." for the copies CreateTopics makes): ACLs it lacks are added, ACLs the
 * file no longer declares are removed. Idempotent: the launcher runs it on every start. Refuses a topic of
 * topics.txt without an owner in acls.txt (and the reverse), so that a new topic cannot be left open or unusable.
 *
 * Usage: java -cp 'lib/*' StreamAcls.java CLIENT_PROPERTIES acls.txt topics.txt
 */
public class StreamAcls {

    /** The namespaces of CreateTopics. */
    private static final List<String> PREFIXES = List.of("", "test.", "e2e.", "bench.", "ha.");

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            client.load(in);
        }
        Set<AclBinding> wanted = new LinkedHashSet<>();
        Set<String> owned = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] fields = line.strip().split("\\s+");
            if (fields[0].equals("topic")) {
                owned.add(fields[1]);
                for (String prefix : PREFIXES) {
                    ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, prefix + fields[1], PatternType.LITERAL);
                    wanted.add(allow(topic, fields[2], AclOperation.WRITE));
                    for (int i = 3; i < fields.length; i++) {
                        if (!fields[i].equals("-")) {
                            wanted.add(allow(topic, fields[i], AclOperation.READ));
                        }
                    }
                }
            } else if (fields[0].equals("groups")) {
                wanted.add(allow(new ResourcePattern(ResourceType.GROUP, fields[1], PatternType.PREFIXED), fields[2],
                        AclOperation.READ));
            }
        }
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.strip().split("\\s+")[0]);
            }
        }
        if (!listed.equals(owned)) {
            throw new IllegalStateException("acls.txt and topics.txt name different topics: " + listed + " vs " + owned);
        }
        try (Admin admin = Admin.create(client)) {
            Set<AclBinding> existing = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(30, TimeUnit.SECONDS));
            List<AclBinding> missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
            List<AclBindingFilter> stale = new ArrayList<>();
            existing.stream().filter(b -> !wanted.contains(b)).forEach(b -> stale.add(b.toFilter()));
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            }
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
            }
            System.out.printf("acls: %d declared, %d added, %d removed%n", wanted.size(), missing.size(), stale.size());
        }
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource,
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
