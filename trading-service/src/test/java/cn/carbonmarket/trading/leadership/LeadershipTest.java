package cn.carbonmarket.trading.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A leader whose renewals come late: what it wrote while its lease was unsure stands once a renewal finds the lease
 * still its own, and is refused (the instance deposed) once another instance took it. A slow renewal on a lone
 * instance must not lose a command that the journal holds.
 */
class LeadershipTest {

    private final ScriptedLease lease = new ScriptedLease();
    private final AtomicInteger exitStatus = new AtomicInteger(-1);
    private final Leadership leadership = new Leadership(lease, new ShortLease(), new SimpleMeterRegistry(),
            exitStatus::set);

    @AfterEach
    void stop() {
        leadership.stop(null);
    }

    @Test
    void aWriteWhileTheLeaseIsSurelyHeldStandsAtOnce() {
        leadership.start(epoch -> { });

        assertThat(leadership.state()).isEqualTo(Leadership.State.LEADER);
        assertThat(leadership.confirmed()).isCompleted();
    }

    @Test
    void aWriteWhileARenewalIsLateStandsOnceTheNextRenewalFindsTheLeaseStillOurs() throws Exception {
        leadership.start(epoch -> { });
        lease.hang();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !leadership.holding());
        assertThat(leadership.accepting()).isFalse();

        CompletableFuture<Void> verdict = leadership.confirmed();
        CompletableFuture<String> goesOnIn = verdict.thenApply(held -> Thread.currentThread().getName());
        Thread.sleep(300); // several renewals time out meanwhile: still no verdict
        assertThat(verdict).isNotDone();

        lease.answer(true);
        // The confirmed write's answer goes on off the lease's thread, whose next renewal must not wait for it.
        assertThat(goesOnIn.get(5, TimeUnit.SECONDS)).isEqualTo("exchange-lease-verdicts");
        assertThat(leadership.state()).isEqualTo(Leadership.State.LEADER);
        assertThat(leadership.accepting()).isTrue();
        assertThat(exitStatus).hasValue(-1);
    }

    @Test
    void aWriteWhileARenewalIsLateIsRefusedAndTheInstanceDeposedWhenAnotherTookTheLease() {
        leadership.start(epoch -> { });
        lease.hang();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !leadership.holding());
        CompletableFuture<Void> verdict = leadership.confirmed();

        lease.answer(false);
        await().atMost(5, TimeUnit.SECONDS).until(verdict::isDone);
        assertThatThrownBy(verdict::get).hasCauseInstanceOf(NotLeaderException.class);
        assertThat(leadership.state()).isEqualTo(Leadership.State.DEPOSED);
        assertThat(exitStatus).hasValue(3);
        assertThat(leadership.confirmed()).isCompletedExceptionally();
    }

    @Test
    void aStandbyHasWrittenNothingThatCouldStand() {
        lease.takenElsewhere();
        leadership.start(epoch -> { });

        assertThat(leadership.state()).isEqualTo(Leadership.State.STANDBY);
        assertThat(leadership.confirmed()).isCompletedExceptionally();
    }

    /** A lease of 400 ms renewed every 50 ms, so that a test sees it lapse within a second. */
    private static final class ShortLease implements LeaseConfig {

        @Override
        public Duration duration() {
            return Duration.ofMillis(400);
        }

        @Override
        public Duration renewEvery() {
            return Duration.ofMillis(50);
        }

        @Override
        public Duration takeEvery() {
            return Duration.ofMillis(50);
        }

        @Override
        public Duration safetyMargin() {
            return Duration.ofMillis(100);
        }

        @Override
        public int retryAfterSeconds() {
            return 1;
        }
    }

    /** The lease's store as the test scripts it: taken at once in epoch 1, renewals answered, hanging or refused. */
    private static final class ScriptedLease implements ExchangeLease {

        private volatile boolean free = true;
        private volatile Boolean renewal = Boolean.TRUE;

        void takenElsewhere() {
            free = false;
        }

        /** Renewals from now on get no answer (each times out), as when the database's answers queue. */
        void hang() {
            renewal = null;
        }

        void answer(boolean ours) {
            renewal = ours;
        }

        @Override
        public Uni<Optional<Long>> take(String holder, Duration duration) {
            return Uni.createFrom().item(free ? Optional.of(1L) : Optional.empty());
        }

        @Override
        public Uni<Boolean> renew(String holder, long epoch, Duration duration) {
            Boolean answer = renewal;
            return answer == null ? Uni.createFrom().nothing() : Uni.createFrom().item(answer);
        }

        @Override
        public Uni<Void> release(String holder, long epoch) {
            return Uni.createFrom().voidItem();
        }
    }
}
