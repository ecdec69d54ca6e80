import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the market's topics from topics.txt, and grows partition counts that are lower than listed.
 * Idempotent: run by the launcher on every start. Usage: java -cp 'lib/*' CreateTopics.java BOOTSTRAP topics.txt
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            wanted.put(fields[0], Integer.parseInt(fields[1]));
        }
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            var described = admin.describeTopics(wanted.keySet()).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<String, NewPartitions> grow = new java.util.HashMap<>();
            described.forEach((name, d) -> {
                if (d.partitions().size() < wanted.get(name)) {
                    grow.put(name, NewPartitions.increaseTo(wanted.get(name)));
                }
            });
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            }
            System.out.printf("topics: %d listed, %d created, %d grown%n", wanted.size(), missing.size(), grow.size());
        }
    }
}
