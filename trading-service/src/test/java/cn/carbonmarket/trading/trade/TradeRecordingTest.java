package cn.carbonmarket.trading.trade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The order and grouping of trade recording, against a log that records in memory when the test lets it. */
class TradeRecordingTest {

    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");

    /** A log whose transactions complete when the test completes them; it keeps what each was given. */
    private static final class SlowLog extends TradeLog {

        final List<List<String>> transactions = new ArrayList<>();
        final List<CompletableFuture<Void>> commits = new ArrayList<>();

        SlowLog() {
            super(null, null, null, null);
        }

        @Override
        public synchronized Uni<List<TradeExecuted>> record(List<RecordedTrade> trades) {
            transactions.add(trades.stream().map(t -> t.trade().tradeId()).toList());
            CompletableFuture<Void> commit = new CompletableFuture<>();
            commits.add(commit);
            return Uni.createFrom().completionStage(commit).replaceWith(List.of());
        }
    }

    private final SlowLog log = new SlowLog();
    private final TradeRecording recording = new TradeRecording(log);

    @Test
    void tradesWaitForTheirCommandsJournalAcknowledgement() {
        CompletableFuture<Void> journaled = new CompletableFuture<>();
        CompletableFuture<Void> done = recording.record(CEA, journaled, List.of(trade("T1")));

        assertThat(log.transactions).isEmpty();
        journaled.complete(null);
        assertThat(log.transactions).containsExactly(List.of("T1"));
        assertThat(done).isNotDone();
        log.commits.get(0).complete(null);
        assertThat(done).isCompleted();
    }

    @Test
    void whileOneTransactionIsInFlightTheFollowingTradesGatherIntoTheNextInOrder() {
        CompletableFuture<Void> first = recording.record(CEA, journaled(), List.of(trade("T1")));
        CompletableFuture<Void> second = recording.record(CEA, journaled(), List.of(trade("T2"), trade("T3")));
        CompletableFuture<Void> third = recording.record(CEA, journaled(), List.of(trade("T4")));

        assertThat(log.transactions).containsExactly(List.of("T1"));
        log.commits.get(0).complete(null);
        assertThat(first).isCompleted();
        assertThat(log.transactions).containsExactly(List.of("T1"), List.of("T2", "T3", "T4"));
        assertThat(second).isNotDone();
        log.commits.get(1).complete(null);
        assertThat(second).isCompleted();
        assertThat(third).isCompleted();
    }

    @Test
    void recordedCompletesOnceEverythingHandedOverBeforeIsRecorded() {
        recording.record(CEA, journaled(), List.of(trade("T1")));
        recording.record(CEA, journaled(), List.of(trade("T2")));
        CompletableFuture<Void> recorded = recording.recorded(CEA);

        log.commits.get(0).complete(null);
        assertThat(recorded).isNotDone();
        log.commits.get(1).complete(null);
        assertThat(recorded).isCompleted();
        assertThat(recording.recorded(InstrumentCode.parse("CEA-2026"))).isCompleted();
    }

    @Test
    void instrumentsRecordIndependently() {
        recording.record(CEA, journaled(), List.of(trade("T1")));
        recording.record(InstrumentCode.parse("CEA-2026"), journaled(), List.of(trade("U1")));

        assertThat(log.transactions).containsExactly(List.of("T1"), List.of("U1"));
    }

    @Test
    void afterAFailedTransactionNothingLaterOfTheInstrumentIsRecorded() {
        CompletableFuture<Void> first = recording.record(CEA, journaled(), List.of(trade("T1")));
        CompletableFuture<Void> second = recording.record(CEA, journaled(), List.of(trade("T2")));
        log.commits.get(0).completeExceptionally(new IllegalStateException("database gone"));
        CompletableFuture<Void> third = recording.record(CEA, journaled(), List.of(trade("T3")));

        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThat(third).isCompletedExceptionally();
        assertThat(log.transactions).containsExactly(List.of("T1"));
    }

    @Test
    void aLostJournalRecordFailsItsTradesWithoutRecordingThem() {
        CompletableFuture<Void> journaled = new CompletableFuture<>();
        CompletableFuture<Void> done = recording.record(CEA, journaled, List.of(trade("T1")));
        journaled.completeExceptionally(new IllegalStateException("no acknowledgement"));

        assertThat(done).isCompletedExceptionally();
        assertThat(log.transactions).isEmpty();
    }

    private static CompletableFuture<Void> journaled() {
        return CompletableFuture.completedFuture(null);
    }

    private static RecordedTrade trade(String id) {
        return RecordedTrade.replayed(new TradeExecuted(id, new PartyId(UUID.randomUUID()),
                new PartyId(UUID.randomUUID()), CEA, 1, 10_000, 6, 6, TradeMode.CONTINUOUS, Instant.now()));
    }
}
