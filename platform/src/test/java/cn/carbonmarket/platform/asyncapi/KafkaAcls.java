package cn.carbonmarket.platform.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code topic} lines of infra/kafka/acls.txt: who writes and who reads each topic. */
record KafkaAcls(Map<String, Topic> topics) {

    record Topic(String name, String writer, List<String> readers) {
    }

    static KafkaAcls read(Path file) {
        try {
            Map<String, Topic> topics = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 4 && words[0].equals("topic")) {
                    List<String> readers = words[3].equals("-") ? List.of()
                            : List.copyOf(Arrays.asList(words).subList(3, words.length));
                    topics.put(words[1], new Topic(words[1], words[2], readers));
                }
            }
            return new KafkaAcls(Map.copyOf(topics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Topic> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }
}
