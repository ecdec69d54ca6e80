import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Demo data: the free allocation the allocation service would issue once its approval flow runs, published as its
 * IssuanceInstruction events so the registry books them. Instruction ids are fixed per party, so seeding again
 * books nothing twice.
 *
 * <p>Usage: java -cp 'lib/*' IssueAllowances.java BOOTSTRAP INSTRUMENT TONNES PARTY_ID...
 */
public class IssueAllowances {

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String instrument = args[1];
        long tonnes = Long.parseLong(args[2]);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 3; i < args.length; i++) {
                String party = args[i];
                String id = "DEMO-ALLOCATION-" + instrument + "-" + party;
                String json = """
                        {"eventId":"%s","type":"IssuanceInstruction","version":1,"occurredAt":"%s",\
                        "producer":"allocation-service","key":"%s","payload":{"instructionId":"%s",\
                        "reason":"FREE_ALLOCATION","instrument":"%s","recipients":[{"partyId":"%s","quantity":%d}]}}"""
                        .formatted(java.util.UUID.nameUUIDFromBytes(id.getBytes()), Instant.now(), id, id, instrument,
                                party, tonnes);
                producer.send(new ProducerRecord<>("allocation.issuance-instructions", id, json)).get();
                System.out.printf("   %d t of %s issued to %s%n", tonnes, instrument, party);
            }
        }
    }
}
