import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the market's topics from topics.txt, once per namespace prefix ("" for the market, "test." for test
 * runs, "e2e." for the cross-service suite, "bench." for benchmarks, "ha." for the exchange's failover test), and
 * grows partition counts that are lower than listed. Idempotent: the launcher runs it on every start. It connects
 * as the client properties file says (the broker's address and the local administrator's SCRAM login).
 * With --fresh PREFIX it first deletes that namespace's topics and the test consumer groups, so that a test run
 * starts from empty topics as it starts from empty databases.
 *
 * Usage: java -cp 'lib/*' CreateTopics.java CLIENT_PROPERTIES topics.txt [--fresh PREFIX]
 */
public class CreateTopics {

    private static final List<String> PREFIXES = List.of("", "test.", "e2e.", "bench.", "ha.");

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            for (String prefix : PREFIXES) {
                wanted.put(prefix + fields[0], Integer.parseInt(fields[1]));
            }
        }
        try (Admin admin = Admin.create(props)) {
            if (args.length == 4 && args[2].equals("--fresh")) {
                deleteNamespace(admin, args[3]);
            }
            int created = createMissing(admin, wanted);
            Map<String, NewPartitions> grow = new HashMap<>();
            describe(admin, wanted.keySet()).forEach((name, d) -> {
                if (d.partitions().size() < wanted.get(name)) {
                    grow.put(name, NewPartitions.increaseTo(wanted.get(name)));
                }
            });
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            }
            System.out.printf("topics: %d listed, %d created, %d grown%n", wanted.size(), created, grow.size());
        }
    }

    /** New topics take a moment to reach the broker's metadata: describing them is retried until they do. */
    private static Map<String, TopicDescription> describe(Admin admin, Set<String> topics) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt > 100) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    // listConsumerGroups is deprecated in Kafka 4.1 in favour of listGroups, which older brokers lack.
    @SuppressWarnings("deprecation")
    private static void deleteNamespace(Admin admin, String prefix) throws Exception {
        if (!prefix.endsWith(".") || prefix.length() < 2) {
            throw new IllegalArgumentException("--fresh needs a namespace such as test.: the market's own topics stay");
        }
        // The services of a namespace consume in groups named after it ("test." -> "...-test"); only those go,
        // so that resetting the bench's topics leaves a running test suite's groups alone.
        String groupSuffix = "-" + prefix.substring(0, prefix.length() - 1);
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            if (group.groupId().endsWith(groupSuffix)) {
                groups.add(group.groupId());
            }
        }
        if (!groups.isEmpty()) {
            admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
        }
        Set<String> doomed = new java.util.HashSet<>();
        for (String topic : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
            if (topic.startsWith(prefix)) {
                doomed.add(topic);
            }
        }
        if (!doomed.isEmpty()) {
            admin.deleteTopics(doomed).all().get(30, TimeUnit.SECONDS);
        }
        System.out.printf("fresh %s*: %d topics and %d consumer groups deleted%n", prefix, doomed.size(), groups.size());
    }

    /** Deleted topics linger for a moment, so creation is retried until the broker accepts every name. */
    private static int createMissing(Admin admin, Map<String, Integer> wanted) throws Exception {
        int created = 0;
        for (int attempt = 0; ; attempt++) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            if (missing.isEmpty()) {
                return created;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                return created + missing.size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || attempt > 100) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
