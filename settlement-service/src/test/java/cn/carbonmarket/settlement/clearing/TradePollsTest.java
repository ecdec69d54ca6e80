package cn.carbonmarket.settlement.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group commit of polls, against a clearing whose transactions the test completes by hand. */
class TradePollsTest {

    /** One call of the clearing: the trades it was given, and its transaction, still open until the test ends it. */
    private record Transaction(List<String> trades, UniEmitter<? super Void> end) {
    }

    private final List<Transaction> transactions = new ArrayList<>();
    private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    private long requested;
    private TradePolls polls;

    @BeforeEach
    void subscribe() {
        polls = new TradePolls(trades -> Uni.createFrom().emitter(end -> transactions.add(new Transaction(trades,
                end))));
        polls.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested += n;
            }

            @Override
            public void cancel() {
            }
        });
    }

    private Message<List<String>> poll(String name, String... trades) {
        return Message.of(List.of(trades)).withAck(() -> {
            outcomes.add("ack " + name);
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            outcomes.add("nack " + name);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void pollsArrivingDuringATransactionAreClearedTogetherInTheNextAndAckedAfterItsCommit() {
        assertThat(requested).isEqualTo(TradePolls.POLLS_AHEAD);

        polls.onNext(poll("p1", "t1", "t2"));
        polls.onNext(poll("p2", "t3"));
        polls.onNext(poll("p3", "t4", "t5"));
        assertThat(transactions).extracting(Transaction::trades).containsExactly(List.of("t1", "t2"));
        assertThat(outcomes).isEmpty();

        transactions.get(0).end().complete(null);
        assertThat(outcomes).containsExactly("ack p1");
        assertThat(transactions).extracting(Transaction::trades)
                .containsExactly(List.of("t1", "t2"), List.of("t3", "t4", "t5"));
        assertThat(requested).isEqualTo(TradePolls.POLLS_AHEAD + 1);

        transactions.get(1).end().complete(null);
        assertThat(outcomes).containsExactly("ack p1", "ack p2", "ack p3");
        assertThat(requested).isEqualTo(TradePolls.POLLS_AHEAD + 3);

        // Idle again: the next poll starts a transaction at once.
        polls.onNext(poll("p4", "t6"));
        assertThat(transactions).hasSize(3);
        assertThat(transactions.get(2).trades()).containsExactly("t6");
    }

    @Test
    void aFailedTransactionNacksItsPollsAndTheClearingGoesOnWithTheNext() {
        polls.onNext(poll("p1", "t1"));
        polls.onNext(poll("p2", "t2"));
        polls.onNext(poll("p3", "t3"));

        transactions.get(0).end().fail(new IllegalStateException("the database is gone"));
        assertThat(outcomes).containsExactly("nack p1");
        assertThat(transactions.get(1).trades()).containsExactly("t2", "t3");

        transactions.get(1).end().fail(new IllegalStateException("still gone"));
        assertThat(outcomes).containsExactly("nack p1", "nack p2", "nack p3");
        assertThat(requested).isEqualTo(TradePolls.POLLS_AHEAD + 3);
    }

    @Test
    void aClearingThatThrowsNacksItsPollAndTheNextPollIsClearedAgain() {
        List<List<String>> given = new ArrayList<>();
        TradePolls throwing = new TradePolls(trades -> {
            given.add(trades);
            if (trades.contains("poison")) {
                throw new IllegalStateException("cannot build the transaction");
            }
            return Uni.createFrom().voidItem();
        });
        throwing.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });

        throwing.onNext(poll("p1", "poison"));
        throwing.onNext(poll("p2", "t1"));

        assertThat(outcomes).containsExactly("nack p1", "ack p2");
        assertThat(given).containsExactly(List.of("poison"), List.of("t1"));
    }

    @Test
    void aTransactionTakesWholePollsUpToTheLimitAndALargerPollAlone() {
        String[] half = IntStream.range(0, TradePolls.MAX_TRADES / 2).mapToObj(i -> "h" + i).toArray(String[]::new);
        String[] large = IntStream.range(0, TradePolls.MAX_TRADES + 1).mapToObj(i -> "l" + i).toArray(String[]::new);
        polls.onNext(poll("p0", "t0"));
        polls.onNext(poll("p1", half));
        polls.onNext(poll("p2", half));
        polls.onNext(poll("p3", "t1"));
        polls.onNext(poll("p4", large));

        transactions.get(0).end().complete(null);
        assertThat(transactions.get(1).trades()).hasSize(TradePolls.MAX_TRADES);
        transactions.get(1).end().complete(null);
        assertThat(transactions.get(2).trades()).containsExactly("t1");
        transactions.get(2).end().complete(null);
        assertThat(transactions.get(3).trades()).hasSize(TradePolls.MAX_TRADES + 1);
        transactions.get(3).end().complete(null);
        assertThat(outcomes).containsExactly("ack p0", "ack p1", "ack p2", "ack p3", "ack p4");
    }
}
