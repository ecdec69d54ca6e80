package cn.carbonmarket.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.settlement.clearing.Clearing;
import cn.carbonmarket.settlement.clearing.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    private static final PartyId ALICE = new PartyId(UUID.nameUUIDFromBytes("alice".getBytes()));
    private static final PartyId BOB = new PartyId(UUID.nameUUIDFromBytes("bob".getBytes()));
    private static final Clearing CLEARING = new Clearing(FeeSchedule.published());

    private final Ledger ledger = new Ledger();

    private static void refused(Rejection code, ThrowingCallable command) {
        assertThatThrownBy(command).isInstanceOfSatisfying(LedgerRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(code));
    }

    private long available(AccountKey account) {
        return ledger.balance(account).available();
    }

    @Test
    void aDepositCreditsThePartyAgainstTheOmnibusMirrorOnce() {
        Applied first = ledger.record(Entries.deposit("B-1", ALICE, 10_000, DAY));
        Applied again = ledger.record(Entries.deposit("B-1", ALICE, 10_000, DAY));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.changed()).isEmpty();
        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(10_000);
        assertThat(ledger.balance(AccountKey.omnibus()).posted()).isEqualTo(-10_000);
        refused(Rejection.ENTRY_ID_CONFLICT, () -> ledger.record(Entries.deposit("B-1", ALICE, 10_001, DAY)));
        refused(Rejection.ENTRY_ID_CONFLICT, () -> ledger.record(Entries.deposit("B-1", BOB, 10_000, DAY)));
        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(10_000);
    }

    @Test
    void malformedEntriesAreRefusedWithTheirCodes() {
        refused(Rejection.NON_POSITIVE_AMOUNT, () -> ledger.record(Entries.deposit("B-0", ALICE, 0, DAY)));
        refused(Rejection.EMPTY_ENTRY, () -> ledger.record(new JournalEntry("X", EntryType.DEPOSIT, DAY, false,
                List.of())));
        refused(Rejection.SAME_ACCOUNT, () -> ledger.record(new JournalEntry("X", EntryType.DEPOSIT, DAY, false,
                List.of(new Transfer(AccountKey.omnibus(), AccountKey.omnibus(), 1)))));
        refused(Rejection.ASSET_MISMATCH, () -> ledger.record(new JournalEntry("X", EntryType.DEPOSIT, DAY, false,
                List.of(new Transfer(AccountKey.registryMirror(CEA), AccountKey.cashAvailable(ALICE), 1)))));
        refused(Rejection.ASSET_MISMATCH, () -> ledger.record(new JournalEntry("X", EntryType.DEPOSIT, DAY, false,
                List.of(new Transfer(new AccountKey(AccountKind.UNITS, ALICE.toString(), Asset.CNY),
                        AccountKey.omnibus(), 1)))));
        assertThat(ledger.entryCount()).isZero();
    }

    @Test
    void aPendingWithdrawalHoldsTheCashUntilPostedOrVoided() {
        ledger.record(Entries.deposit("B-1", ALICE, 10_000, DAY));
        Applied pending = ledger.record(Entries.withdrawal("W-1", ALICE, 4_000, DAY));

        assertThat(pending.state()).isEqualTo(EntryState.PENDING);
        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(6_000);
        assertThat(ledger.balance(AccountKey.cashAvailable(ALICE)).posted()).isEqualTo(10_000);
        assertThat(ledger.balance(AccountKey.cashPendingWithdrawal(ALICE)).creditsPending()).isEqualTo(4_000);
        refused(Rejection.INSUFFICIENT_FUNDS, () -> ledger.record(Entries.withdrawal("W-2", ALICE, 6_001, DAY)));

        assertThat(ledger.post("WITHDRAWAL:W-1").state()).isEqualTo(EntryState.POSTED);
        assertThat(ledger.post("WITHDRAWAL:W-1").replayed()).isTrue();
        refused(Rejection.PENDING_ALREADY_POSTED, () -> ledger.voidPending("WITHDRAWAL:W-1"));
        ledger.record(Entries.payout("W-1", ALICE, 4_000, DAY));
        assertThat(ledger.balance(AccountKey.cashAvailable(ALICE))).isEqualTo(new Balance(0, 4_000, 0, 10_000));
        assertThat(ledger.balance(AccountKey.cashPendingWithdrawal(ALICE)).posted()).isZero();
        assertThat(ledger.balance(AccountKey.omnibus()).posted()).isEqualTo(-6_000);

        ledger.record(Entries.withdrawal("W-3", ALICE, 1_000, DAY));
        assertThat(ledger.voidPending("WITHDRAWAL:W-3").state()).isEqualTo(EntryState.VOIDED);
        assertThat(ledger.voidPending("WITHDRAWAL:W-3").replayed()).isTrue();
        refused(Rejection.PENDING_ALREADY_VOIDED, () -> ledger.post("WITHDRAWAL:W-3"));
        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(6_000);
        assertThat(ledger.balance(AccountKey.cashPendingWithdrawal(ALICE))).isEqualTo(new Balance(0, 4_000, 0, 4_000));
    }

    @Test
    void unitsOutGoBackToTheRegistryMirrorAndNeverBeyondTheAvailable() {
        ledger.record(Entries.unitsIn("R-1/1", ALICE, CEA, 40, DAY));

        ledger.record(Entries.unitsOut("U-1", ALICE, CEA, 15, DAY));
        refused(Rejection.INSUFFICIENT_UNITS, () -> ledger.record(Entries.unitsOut("U-2", ALICE, CEA, 26, DAY)));
        refused(Rejection.INSUFFICIENT_UNITS, () -> ledger.record(Entries.unitsOut("U-3", BOB, CEA, 1, DAY)));
        assertThat(ledger.record(Entries.unitsOut("U-1", ALICE, CEA, 15, DAY)).replayed()).isTrue();

        assertThat(available(AccountKey.units(ALICE, CEA))).isEqualTo(25);
        assertThat(ledger.balance(AccountKey.registryMirror(CEA)).posted()).isEqualTo(-25);
    }

    @Test
    void onlyPendingEntriesThatExistCanBePostedOrVoided() {
        ledger.record(Entries.deposit("B-1", ALICE, 10_000, DAY));
        refused(Rejection.NOT_PENDING, () -> ledger.post("DEPOSIT:B-1"));
        refused(Rejection.NOT_PENDING, () -> ledger.voidPending("DEPOSIT:B-1"));
        refused(Rejection.PENDING_NOT_FOUND, () -> ledger.post("WITHDRAWAL:nope"));
    }

    @Test
    void aTradeDeliversAgainstPaymentWithFeesAndCannotOverdraw() {
        ledger.record(Entries.deposit("B-1", ALICE, 10_000_000, DAY));
        ledger.record(Entries.unitsIn("R-1", BOB, CEA, 5_000, DAY));
        Trade trade = new Trade("T-1", ALICE, BOB, CEA, 1_000, 5_803, TradeMode.CONTINUOUS, DAY);

        ledger.record(CLEARING.clear(trade).entry());

        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(10_000_000 - 5_803_000 - 3_482);
        assertThat(available(AccountKey.cashAvailable(BOB))).isEqualTo(5_803_000 - 3_482);
        assertThat(available(AccountKey.units(ALICE, CEA))).isEqualTo(1_000);
        assertThat(available(AccountKey.units(BOB, CEA))).isEqualTo(4_000);
        assertThat(available(AccountKey.feeIncome())).isEqualTo(6_964);
        refused(Rejection.INSUFFICIENT_UNITS, () -> ledger.record(CLEARING.clear(
                new Trade("T-2", ALICE, BOB, CEA, 4_001, 1, TradeMode.CONTINUOUS, DAY)).entry()));
        refused(Rejection.INSUFFICIENT_FUNDS, () -> ledger.record(CLEARING.clear(
                new Trade("T-3", ALICE, BOB, CEA, 1_000, 5_000, TradeMode.CONTINUOUS, DAY)).entry()));
        refused(Rejection.SELF_TRADE, () -> CLEARING.clear(new Trade("T-4", BOB, BOB, CEA, 1, 1,
                TradeMode.CONTINUOUS, DAY)));
        assertThat(available(AccountKey.units(BOB, CEA))).isEqualTo(4_000);
    }

    @Test
    void saleProceedsTradeTheSameDayButLeaveOnlyFromTheNextDay() {
        ledger.record(Entries.deposit("B-1", BOB, 100_000, DAY));
        ledger.record(Entries.deposit("B-2", ALICE, 10_000_000, DAY));
        ledger.record(Entries.unitsIn("R-1", BOB, CEA, 1_000, DAY));
        ledger.record(CLEARING.clear(new Trade("T-1", ALICE, BOB, CEA, 1_000, 5_000, TradeMode.CONTINUOUS, DAY))
                .entry());
        long proceeds = 5_000_000 - 3_000;

        assertThat(ledger.proceeds(BOB, DAY)).isEqualTo(proceeds);
        assertThat(ledger.withdrawable(BOB, DAY)).isEqualTo(100_000);
        refused(Rejection.NOT_WITHDRAWABLE, () -> ledger.record(Entries.withdrawal("W-1", BOB, 100_001, DAY)));
        assertThat(ledger.record(Entries.withdrawal("W-2", BOB, 100_000, DAY)).state()).isEqualTo(EntryState.PENDING);
        assertThat(ledger.withdrawable(BOB, DAY.plusDays(1))).isEqualTo(proceeds);
        ledger.record(Entries.withdrawal("W-3", BOB, proceeds, DAY.plusDays(1)));
        assertThat(available(AccountKey.cashAvailable(BOB))).isZero();
    }

    @Test
    void anAuctionBuyerPaysOutOfReservedCollateral() {
        ledger.record(Entries.deposit("B-1", ALICE, 1_000_000, DAY));
        ledger.record(Entries.unitsIn("R-1", BOB, CEA, 100, DAY));
        ledger.record(Entries.reserveCollateral("BID-1", ALICE, 600_000, DAY));
        refused(Rejection.INSUFFICIENT_FUNDS, () -> ledger.record(Entries.reserveCollateral("BID-2", ALICE, 400_001,
                DAY)));
        ledger.post(Entries.id(EntryType.COLLATERAL_RESERVE, "BID-1"));

        ledger.record(CLEARING.clear(new Trade("A-1", ALICE, BOB, CEA, 100, 5_000, TradeMode.AUCTION, DAY)).entry());
        ledger.record(Entries.releaseCollateral("BID-1", ALICE, 600_000 - 500_000 - 300, DAY));

        assertThat(available(AccountKey.cashReserved(ALICE))).isZero();
        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(1_000_000 - 500_000 - 300);
        assertThat(available(AccountKey.cashAvailable(BOB))).isEqualTo(500_000);
    }

    @Test
    void aReservationNoAuctionUsedIsVoidedAndTheCashIsAvailableAgain() {
        ledger.record(Entries.deposit("B-2", ALICE, 1_000_000, DAY));
        ledger.record(Entries.reserveCollateral("BID-3", ALICE, 700_000, DAY));
        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(300_000);
        assertThat(available(AccountKey.cashReserved(ALICE))).isZero();

        ledger.voidPending(Entries.id(EntryType.COLLATERAL_RESERVE, "BID-3"));

        assertThat(available(AccountKey.cashAvailable(ALICE))).isEqualTo(1_000_000);
    }
}
