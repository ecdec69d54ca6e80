package cn.carbonmarket.platform.outbox;

import cn.carbonmarket.platform.sql.QueueVacuum;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox events to Kafka, oldest first.
 *
 * <p>Each round runs in one database transaction holding a transaction-scoped advisory lock, so that with several
 * replicas only one relays at a time and the per-key order of the outbox is the order on the topic. Events are sent
 * in sequence order and leave the queue ({@code outbox_pending}) only once Kafka acknowledged them; on a failure
 * the acknowledged prefix leaves and the rest is retried with a growing pause. A crash after sending but before the
 * commit re-sends events: delivery is at least once, and consumers are idempotent by event id. Relayed events stay
 * in {@code outbox_event} for the retention period, for inspection.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any fixed number: it names the relay's lock within the service's own database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** After an event is written the relay polls fast for this long, covering the time until its commit. */
    private static final Duration HINT_WINDOW = Duration.ofSeconds(2);

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final MeterRegistry metrics;
    private final String topicPrefix;
    private final Counter failures;
    private final QueueVacuum queue = new QueueVacuum("outbox_pending");
    private volatile boolean running;
    private Duration backoff;
    private Instant lastPurge = Instant.EPOCH;
    private volatile Instant lastHint = Instant.EPOCH;

    public OutboxRelay(Pool pool, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<String> emitter, Vertx vertx, OutboxConfig config, MeterRegistry metrics,
                       TopicConfig topics) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
        this.topicPrefix = topics.topicPrefix().orElse("");
        this.failures = metrics.counter("market.outbox.send.failures");
        this.backoff = config.pollInterval();
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            running = true;
            scheduleNext(config.pollInterval());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /**
     * Keeps every instance's relay out until the caller's transaction ends, for one that writes events by the
     * hundred thousand (a registry migration): each poll would walk the queue's index past all of its entries, not
     * committed yet, many times a second, taking PostgreSQL CPU that the writing transaction could use. Others'
     * events wait for it to end.
     */
    public static Uni<Void> holdOff(SqlConnection conn) {
        return conn.query("select pg_advisory_xact_lock(" + RELAY_LOCK + ")").execute().replaceWithVoid();
    }

    /** Called by the {@link Outbox} when an event was written: it will be committed in a moment. */
    void hint() {
        lastHint = Instant.now();
    }

    private Duration nextPoll() {
        boolean recentlyWritten = Duration.between(lastHint, Instant.now()).compareTo(HINT_WINDOW) < 0;
        return recentlyWritten ? config.pollInterval() : config.idleInterval();
    }

    private void scheduleNext(Duration delay) {
        if (!running) {
            return;
        }
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> relayOnce().subscribe().with(
                relayed -> {
                    backoff = config.pollInterval();
                    scheduleNext(relayed >= config.batchSize() ? Duration.ofMillis(1) : nextPoll());
                },
                failure -> {
                    if (!running) {
                        return;
                    }
                    backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                    LOG.warnf("outbox relay round failed, next attempt in %s: %s", backoff, failure.getMessage());
                    scheduleNext(backoff);
                }));
    }

    /** One round: relays up to a batch of pending events and returns how many Kafka acknowledged. */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                        .execute()
                        .flatMap(rows -> rows.iterator().next().getBoolean(0) ? relayBatch(conn) : Uni.createFrom().item(0)))
                .call(this::purgeIfDue)
                .call(() -> queue.vacuumIfDue(pool));
    }

    private Uni<Integer> relayBatch(SqlConnection conn) {
        // The oldest queued first, then their rows by primary key: a plan that stays right however large the kept
        // events grow (the machine's PostgreSQL may never have analyzed the table).
        return conn.preparedQuery("select e.seq, e.topic, e.event_key, e.envelope from (select seq from outbox_pending"
                        + " order by seq limit $1) p join outbox_event e on e.seq = p.seq order by e.seq")
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return sendInOrder(pending).flatMap(acked -> dequeue(conn, pending.subList(0, acked)));
                });
    }

    /** Sends every event (the producer keeps their order per partition) and counts the acknowledged prefix. */
    private Uni<Integer> sendInOrder(List<Row> pending) {
        List<Uni<Boolean>> sends = pending.stream().map(row -> emitter.sendMessage(toMessage(row))
                        .replaceWith(Boolean.TRUE)
                        .onFailure().recoverWithItem(failure -> {
                            failures.increment();
                            LOG.warnf("Kafka refused outbox event seq %d on %s: %s", row.getLong("seq"),
                                    row.getString("topic"), failure.getMessage());
                            return Boolean.FALSE;
                        }))
                .toList();
        return Uni.join().all(sends).andFailFast().map(results -> {
            int prefix = results.indexOf(Boolean.FALSE);
            return prefix < 0 ? results.size() : prefix;
        });
    }

    private Message<String> toMessage(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicPrefix + row.getString("topic"))
                .withKey(row.getString("event_key"))
                .build();
        return Message.of(row.getString("envelope")).addMetadata(metadata);
    }

    private Uni<Integer> dequeue(SqlConnection conn, List<Row> delivered) {
        if (delivered.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("Kafka acknowledged none of the pending events"));
        }
        Long[] seqs = delivered.stream().map(row -> row.getLong("seq")).toArray(Long[]::new);
        delivered.forEach(row -> metrics.counter("market.outbox.relayed", "topic", row.getString("topic")).increment());
        return conn.preparedQuery("delete from outbox_pending where seq = any($1)")
                .execute(Tuple.of(seqs))
                .invoke(queue::dequeued)
                .replaceWith(delivered.size());
    }

    private Uni<Void> purgeIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return Uni.createFrom().voidItem();
        }
        lastPurge = now;
        return pool.preparedQuery("delete from outbox_event e where e.created_at < $1"
                        + " and not exists (select 1 from outbox_pending p where p.seq = e.seq)")
                .execute(Tuple.of(java.time.OffsetDateTime.now().minus(config.retention())))
                .replaceWithVoid();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
