package cn.carbonmarket.registry.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bulk booking (a migration's) is checked and written slice by slice (the test profile cuts slices of 64 from 100
 * movements on), and must end exactly as one booked whole: holdings inserted by one slice and moved again by the
 * next, every transaction queued for the audit chain, and a refusal in a late slice undoing the slices before it.
 */
@QuarkusTest
class BulkBookingTest {

    private static final Database DB = RegistryFixtures.DB;
    private static final Initiator ALLOCATION = Initiator.system("allocation-service");
    private static final String ISSUANCE = SystemAccounts.nationalIssuance(Jurisdiction.CN);

    @Inject
    BulkBooking booking;
    @Inject
    Pool pool;
    @Inject
    BookingConfig config;

    private static String entity1() {
        return RegistryFixtures.holdingOf(DemoUser.ENTITY_1);
    }

    private static String entity2() {
        return RegistryFixtures.holdingOf(DemoUser.ENTITY_2);
    }

    @BeforeEach
    void entitiesAreRegistered() {
        // Without this, both tests would pass just as well with every movement booked in one piece.
        assertThat(config.bulkFrom()).as("the movements below count as a bulk booking").isLessThanOrEqualTo(200);
        assertThat(config.bulkSlice()).as("and are cut into at least four slices").isLessThanOrEqualTo(200 / 3);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 0);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 0);
    }

    @Test
    void aBulkBookingInSlicesEndsAsIfBookedWhole() {
        // A vintage of its own, so that on a fresh database the entities' holdings of it are inserted by the first
        // slice (and moved again by the next ones); a database kept from an earlier run already has them.
        InstrumentCode instrument = InstrumentCode.parse("CEA-2041");
        long issuedBefore = RegistryFixtures.quantity(ISSUANCE, instrument.toString(), "AVAILABLE");
        long firstBefore = RegistryFixtures.quantity(entity1(), instrument.toString(), "AVAILABLE");
        long secondBefore = RegistryFixtures.quantity(entity2(), instrument.toString(), "AVAILABLE");
        String prefix = "bulk-" + UUID.randomUUID() + "/";
        List<KeyedMovement> movements = new ArrayList<>();
        long toFirst = 0;
        long toSecond = 0;
        for (int i = 0; i < 250; i++) {
            String to = i % 2 == 0 ? entity1() : entity2();
            movements.add(new KeyedMovement(prefix + i, Movement.between(TransactionType.ALLOCATION, instrument, i + 1,
                    ISSUANCE, HoldingStatus.AVAILABLE, to, HoldingStatus.AVAILABLE)));
            toFirst += i % 2 == 0 ? i + 1 : 0;
            toSecond += i % 2 == 0 ? 0 : i + 1;
        }

        assertThat(bookAll(movements)).isEqualTo(250);

        assertThat(RegistryFixtures.quantity(entity1(), instrument.toString(), "AVAILABLE"))
                .isEqualTo(firstBefore + toFirst);
        assertThat(RegistryFixtures.quantity(entity2(), instrument.toString(), "AVAILABLE"))
                .isEqualTo(secondBefore + toSecond);
        assertThat(RegistryFixtures.quantity(ISSUANCE, instrument.toString(), "AVAILABLE"))
                .isEqualTo(issuedBefore - toFirst - toSecond);
        assertThat(DB.count("select count(*) from holding where account_id in (?, ?) and instrument = ?",
                entity1(), entity2(), instrument.toString())).isEqualTo(2);
        String booked = "select t.id from registry_transaction t where t.idempotency_key like ?";
        String keys = "system/allocation-service:" + prefix + "%";
        assertThat(DB.count("select count(*) from (" + booked + ") b", keys)).isEqualTo(250);
        assertThat(DB.count("select count(*) from transaction_line where transaction_id in (" + booked + ")", keys))
                .isEqualTo(500);
        assertThat(DB.count("select count(*) from (" + booked + ") b where b.id in (select transaction_id from"
                + " audit_pending union all select transaction_id from audit_record)", keys)).isEqualTo(250);
    }

    @Test
    void aRefusalInALateSliceBooksNothingAtAll() {
        InstrumentCode instrument = InstrumentCode.parse("CEA-2042");
        String prefix = "bulk-" + UUID.randomUUID() + "/";
        List<KeyedMovement> movements = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            movements.add(new KeyedMovement(prefix + i, Movement.between(TransactionType.ALLOCATION, instrument, 10,
                    ISSUANCE, HoldingStatus.AVAILABLE, entity1(), HoldingStatus.AVAILABLE)));
        }
        // The fourth slice moves more than the entity was given in the three before it.
        movements.add(new KeyedMovement(prefix + "too-much", Movement.between(TransactionType.TRANSFER, instrument,
                2_001, entity1(), HoldingStatus.AVAILABLE, entity2(), HoldingStatus.AVAILABLE)));

        assertThatThrownBy(() -> bookAll(movements)).isInstanceOf(RuleViolationException.class);

        assertThat(DB.count("select count(*) from registry_transaction where idempotency_key like ?",
                "system/allocation-service:" + prefix + "%")).isZero();
        assertThat(DB.count("select count(*) from holding where instrument = ?", instrument.toString())).isZero();
    }

    private int bookAll(List<KeyedMovement> movements) {
        return pool.withTransaction(conn -> booking.bookAll(conn, movements, ALLOCATION))
                .await().atMost(Duration.ofSeconds(60));
    }
}
