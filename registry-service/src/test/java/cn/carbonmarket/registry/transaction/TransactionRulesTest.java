package cn.carbonmarket.registry.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.rules.JurisdictionRules;
import cn.carbonmarket.registry.rules.RegistryRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class TransactionRulesTest {

    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    private static final InstrumentCode HBEA = InstrumentCode.parse("HBEA-2021");
    private static final String ISSUANCE = SystemAccounts.nationalIssuance(Jurisdiction.CN);
    private static final String SURRENDER = SystemAccounts.surrender("CN-2025");
    private static final String RESERVE = SystemAccounts.stabilityReserve(Jurisdiction.CN);
    private static final String DELIVERY = SystemAccounts.auctionDelivery(Jurisdiction.CN);
    private static final int PARTIES = 4;

    private final RegistryRulePack shipped = RegistryRulePack.load(new ObjectMapper());
    private final TransactionRules rules = new TransactionRules(shipped);
    private final PartyId[] parties = new PartyId[PARTIES];
    private final Map<String, AccountSnapshot> accounts = new HashMap<>();

    TransactionRulesTest() {
        for (int i = 0; i < PARTIES; i++) {
            parties[i] = new PartyId(UUID.nameUUIDFromBytes(("p" + i).getBytes()));
            String id = holding(i);
            accounts.put(id, new AccountSnapshot(id, AccountType.HOLDING, AccountState.OPEN, parties[i].value()));
        }
        accounts.put(ISSUANCE, new AccountSnapshot(ISSUANCE, AccountType.NATIONAL_ISSUANCE, AccountState.OPEN, null));
        String cancellation = SystemAccounts.voluntaryCancellation();
        accounts.put(cancellation, new AccountSnapshot(cancellation, AccountType.VOLUNTARY_CANCELLATION,
                AccountState.OPEN, null));
        accounts.put(SURRENDER, new AccountSnapshot(SURRENDER, AccountType.SURRENDER, AccountState.OPEN, null));
        accounts.put(RESERVE, new AccountSnapshot(RESERVE, AccountType.STABILITY_RESERVE, AccountState.OPEN, null));
        accounts.put(DELIVERY, new AccountSnapshot(DELIVERY, AccountType.AUCTION_DELIVERY, AccountState.OPEN,
                SystemParties.auctioneer(Jurisdiction.CN).value()));
    }

    private String holding(int party) {
        return "HOLDING-" + parties[party].value();
    }

    private static HoldingKey available(String account, InstrumentCode instrument) {
        return new HoldingKey(account, instrument, HoldingStatus.AVAILABLE);
    }

    private Movement issue(int party, long quantity) {
        return Movement.between(TransactionType.ALLOCATION, CEA, quantity, ISSUANCE, HoldingStatus.AVAILABLE,
                holding(party), HoldingStatus.AVAILABLE);
    }

    private Movement transfer(int from, int to, long quantity) {
        return Movement.between(TransactionType.TRANSFER, CEA, quantity, holding(from), HoldingStatus.AVAILABLE,
                holding(to), HoldingStatus.AVAILABLE);
    }

    private String refusal(Movement movement, Initiator initiator, Map<HoldingKey, Long> current) {
        return refusal(movement, initiator, current, shipped);
    }

    private String refusal(Movement movement, Initiator initiator, Map<HoldingKey, Long> current,
                           RegistryRulePack pack) {
        try {
            new TransactionRules(pack).apply(movement, initiator, accounts, current);
            return null;
        } catch (RuleViolationException e) {
            return e.code();
        }
    }

    @Test
    void issuanceGoesNegativeOnlyOnTheIssuanceAccount() {
        Map<HoldingKey, Long> after = rules.apply(issue(0, 1_000), Initiator.system("allocation-service"), accounts,
                Map.of());
        assertThat(after).containsEntry(available(ISSUANCE, CEA), -1_000L).containsEntry(available(holding(0), CEA), 1_000L);
    }

    @Test
    void eachCheckRefusesWithItsOwnCode() {
        Initiator party0 = Initiator.party(parties[0], "entity-1");
        Map<HoldingKey, Long> has500 = Map.of(available(holding(0), CEA), 500L);

        assertThat(refusal(transfer(0, 1, 501), party0, has500)).isEqualTo("INSUFFICIENT_UNITS");
        assertThat(refusal(transfer(1, 0, 1), party0, Map.of(available(holding(1), CEA), 10L)))
                .isEqualTo("NOT_PERMITTED");
        assertThat(refusal(issue(0, 10), party0, Map.of())).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(Movement.between(TransactionType.TRANSFER, CEA, 1, holding(0), HoldingStatus.AVAILABLE,
                "HOLDING-nobody", HoldingStatus.AVAILABLE), party0, has500)).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(refusal(Movement.between(TransactionType.TO_TRADING, HBEA, 1, holding(0), HoldingStatus.AVAILABLE,
                holding(0), HoldingStatus.IN_TRADING), party0, Map.of(available(holding(0), HBEA), 5L),
                issuingAndTradingNothing(Jurisdiction.HB))).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
        assertThat(refusal(transfer(0, 1, 50_000_001), party0, Map.of(available(holding(0), CEA), 60_000_000L)))
                .isEqualTo("QUANTITY_CAP_EXCEEDED");
        assertThat(refusal(new Movement(TransactionType.TRANSFER, List.of(new Movement.Line(available(holding(0), CEA),
                -5))), party0, has500)).isEqualTo("UNBALANCED");

        accounts.put(holding(0), new AccountSnapshot(holding(0), AccountType.HOLDING, AccountState.FROZEN,
                parties[0].value()));
        assertThat(refusal(transfer(0, 1, 1), party0, has500)).isEqualTo("ACCOUNT_NOT_OPEN");
        assertThat(refusal(transfer(1, 0, 1), Initiator.party(parties[1], "entity-2"),
                Map.of(available(holding(1), CEA), 1L))).as("a frozen account still receives").isNull();
        assertThat(refusal(Movement.between(TransactionType.FROM_TRADING, CEA, 5, holding(0), HoldingStatus.IN_TRADING,
                holding(0), HoldingStatus.AVAILABLE), Initiator.system("settlement-service"),
                Map.of(new HoldingKey(holding(0), CEA, HoldingStatus.IN_TRADING), 5L)))
                .as("units settlement let go come back from trading into a frozen account").isNull();
    }

    @Test
    void aParticipantMayCancelItsOwnUnitsIntoTheCancellationAccount() {
        Movement cancel = Movement.between(TransactionType.VOLUNTARY_CANCELLATION, CEA, 5, holding(0),
                HoldingStatus.AVAILABLE, SystemAccounts.voluntaryCancellation(), HoldingStatus.AVAILABLE);
        assertThat(refusal(cancel, Initiator.party(parties[0], "entity-1"), Map.of(available(holding(0), CEA), 5L)))
                .isNull();
    }

    private Movement surrender(int party, long quantity) {
        return Movement.between(TransactionType.SURRENDER, CEA, quantity, holding(party), HoldingStatus.AVAILABLE,
                SURRENDER, HoldingStatus.AVAILABLE);
    }

    @Test
    void aParticipantSurrendersItsOwnUnitsAndNothingEverLeavesASurrenderAccount() {
        Map<HoldingKey, Long> surrendered = Map.of(available(SURRENDER, CEA), 100L,
                available(holding(0), CEA), 100L);
        assertThat(refusal(surrender(0, 100), Initiator.party(parties[0], "entity-1"), surrendered)).isNull();
        assertThat(refusal(surrender(1, 5), Initiator.party(parties[0], "entity-1"),
                Map.of(available(holding(1), CEA), 5L))).as("another party's units").isEqualTo("NOT_PERMITTED");

        Movement back = Movement.between(TransactionType.TRANSFER, CEA, 10, SURRENDER, HoldingStatus.AVAILABLE,
                holding(0), HoldingStatus.AVAILABLE);
        assertThat(refusal(back, Initiator.regulator("regulator"), surrendered)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(back, Initiator.system("allocation-service"), surrendered)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(Movement.between(TransactionType.FREEZE, CEA, 10, SURRENDER, HoldingStatus.AVAILABLE,
                SURRENDER, HoldingStatus.FROZEN), Initiator.regulator("regulator"), surrendered))
                .as("not even in place").isEqualTo("NOT_PERMITTED");
    }

    @Test
    void nothingEverLeavesTheVoluntaryCancellationAccountEither() {
        String cancellation = SystemAccounts.voluntaryCancellation();
        Map<HoldingKey, Long> cancelled = Map.of(available(cancellation, CEA), 100L);
        Movement back = Movement.between(TransactionType.TRANSFER, CEA, 10, cancellation, HoldingStatus.AVAILABLE,
                holding(0), HoldingStatus.AVAILABLE);

        assertThat(refusal(back, Initiator.regulator("regulator"), cancelled)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(back, Initiator.system("allocation-service"), cancelled)).isEqualTo("NOT_PERMITTED");
    }

    private static Movement setAside(long quantity) {
        return Movement.between(TransactionType.RESERVE_INTAKE, CEA, quantity, ISSUANCE, HoldingStatus.AVAILABLE,
                RESERVE, HoldingStatus.AVAILABLE);
    }

    private static Movement release(long quantity) {
        return Movement.between(TransactionType.RESERVE_RELEASE, CEA, quantity, RESERVE, HoldingStatus.AVAILABLE,
                DELIVERY, HoldingStatus.AVAILABLE);
    }

    @Test
    void onlyIntakesEnterTheStabilityReserveAndOnlyReleasesLeaveIt() {
        Initiator allocation = Initiator.system("allocation-service");
        Map<HoldingKey, Long> reserved = Map.of(available(RESERVE, CEA), 100L, available(holding(0), CEA), 100L);
        assertThat(refusal(setAside(100), allocation, Map.of())).isNull();
        assertThat(refusal(release(100), allocation, reserved)).isNull();
        assertThat(refusal(release(101), allocation, reserved)).isEqualTo("INSUFFICIENT_UNITS");

        Movement out = Movement.between(TransactionType.TRANSFER, CEA, 10, RESERVE, HoldingStatus.AVAILABLE,
                holding(0), HoldingStatus.AVAILABLE);
        Movement in = Movement.between(TransactionType.TRANSFER, CEA, 10, holding(0), HoldingStatus.AVAILABLE,
                RESERVE, HoldingStatus.AVAILABLE);
        assertThat(refusal(out, Initiator.party(parties[0], "entity-1"), reserved)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(in, Initiator.party(parties[0], "entity-1"), reserved)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(out, Initiator.regulator("regulator"), reserved)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(Movement.between(TransactionType.ALLOCATION, CEA, 10, ISSUANCE, HoldingStatus.AVAILABLE,
                RESERVE, HoldingStatus.AVAILABLE), allocation, Map.of())).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(Movement.between(TransactionType.FREEZE, CEA, 10, RESERVE, HoldingStatus.AVAILABLE,
                RESERVE, HoldingStatus.FROZEN), Initiator.regulator("regulator"), reserved)).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(Movement.between(TransactionType.RESERVE_INTAKE, CEA, 10, RESERVE, HoldingStatus.AVAILABLE,
                DELIVERY, HoldingStatus.AVAILABLE), allocation, reserved)).as("an intake the wrong way")
                .isEqualTo("NOT_PERMITTED");
    }

    @Test
    void theAuctionDeliveryAccountTakesOnlyAnAuctionsMovements() {
        Initiator allocation = Initiator.system("allocation-service");
        Initiator settlement = Initiator.system("settlement-service");
        HoldingKey inTrading = new HoldingKey(DELIVERY, CEA, HoldingStatus.IN_TRADING);
        assertThat(refusal(Movement.between(TransactionType.AUCTION_DELIVERY, CEA, 10, ISSUANCE,
                HoldingStatus.AVAILABLE, DELIVERY, HoldingStatus.AVAILABLE), allocation, Map.of())).isNull();
        assertThat(refusal(Movement.between(TransactionType.ALLOCATION, CEA, 10, ISSUANCE, HoldingStatus.AVAILABLE,
                DELIVERY, HoldingStatus.AVAILABLE), allocation, Map.of())).isEqualTo("NOT_PERMITTED");
        assertThat(refusal(Movement.between(TransactionType.SETTLEMENT_DELIVERY, CEA, 10, DELIVERY,
                HoldingStatus.IN_TRADING, holding(1), HoldingStatus.IN_TRADING), settlement, Map.of(inTrading, 10L)))
                .as("sold units delivered to a buyer").isNull();
        assertThat(refusal(Movement.between(TransactionType.AUCTION_RETURN, CEA, 10, DELIVERY,
                HoldingStatus.IN_TRADING, ISSUANCE, HoldingStatus.AVAILABLE), settlement, Map.of(inTrading, 10L)))
                .isNull();
        assertThat(refusal(Movement.between(TransactionType.RESERVE_INTAKE, CEA, 10, DELIVERY,
                HoldingStatus.IN_TRADING, RESERVE, HoldingStatus.AVAILABLE), settlement, Map.of(inTrading, 10L)))
                .isNull();
        assertThat(refusal(Movement.between(TransactionType.TRANSFER, CEA, 10, holding(0), HoldingStatus.AVAILABLE,
                DELIVERY, HoldingStatus.AVAILABLE), Initiator.party(parties[0], "entity-1"),
                Map.of(available(holding(0), CEA), 10L))).as("a participant's transfer to the auctioneer")
                .isEqualTo("NOT_PERMITTED");
    }

    @Test
    void unitsSetAsideFromAnIssuanceAccountAreIssuedSoTheProductMustStillBeIssued() {
        String hbIssuance = SystemAccounts.nationalIssuance(Jurisdiction.HB);
        String hbReserve = SystemAccounts.stabilityReserve(Jurisdiction.HB);
        accounts.put(hbIssuance, new AccountSnapshot(hbIssuance, AccountType.NATIONAL_ISSUANCE, AccountState.OPEN,
                null));
        accounts.put(hbReserve, new AccountSnapshot(hbReserve, AccountType.STABILITY_RESERVE, AccountState.OPEN,
                null));
        assertThat(refusal(Movement.between(TransactionType.RESERVE_INTAKE, HBEA, 10, hbIssuance,
                HoldingStatus.AVAILABLE, hbReserve, HoldingStatus.AVAILABLE), Initiator.system("allocation-service"),
                Map.of(), issuingAndTradingNothing(Jurisdiction.HB))).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
    }

    @Test
    void pilotAllowancesAndCreditsAreIssuedAndTradedUnderTheirPilotsRules() {
        Initiator party0 = Initiator.party(parties[0], "entity-1");
        String bjIssuance = SystemAccounts.nationalIssuance(Jurisdiction.BJ);
        accounts.put(bjIssuance, new AccountSnapshot(bjIssuance, AccountType.NATIONAL_ISSUANCE, AccountState.OPEN,
                null));
        InstrumentCode bcer = InstrumentCode.parse("BCER-2025-BJ-FORESTRY");

        assertThat(rules.apply(Movement.between(TransactionType.OFFSET_ISSUANCE, bcer, 300, bjIssuance,
                HoldingStatus.AVAILABLE, holding(0), HoldingStatus.AVAILABLE), Initiator.authority("authority-bj"),
                accounts, Map.of())).containsEntry(available(bjIssuance, bcer), -300L)
                .containsEntry(available(holding(0), bcer), 300L);
        for (InstrumentCode pilot : List.of(HBEA, bcer, InstrumentCode.parse("CQEA-2025"))) {
            assertThat(rules.apply(Movement.between(TransactionType.TO_TRADING, pilot, 5, holding(0),
                    HoldingStatus.AVAILABLE, holding(0), HoldingStatus.IN_TRADING), party0, accounts,
                    Map.of(available(holding(0), pilot), 5L)))
                    .containsEntry(new HoldingKey(holding(0), pilot, HoldingStatus.IN_TRADING), 5L);
        }
        assertThat(refusal(Movement.between(TransactionType.OFFSET_ISSUANCE, bcer, 300, bjIssuance,
                HoldingStatus.AVAILABLE, holding(0), HoldingStatus.AVAILABLE), Initiator.system("allocation-service"),
                Map.of(), issuingAndTradingNothing(Jurisdiction.BJ))).as("a product its jurisdiction does not issue")
                .isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
    }

    /** The shipped pack, but {@code idle} issues and trades nothing: the eligibility checks have something to refuse. */
    private RegistryRulePack issuingAndTradingNothing(Jurisdiction idle) {
        Map<Jurisdiction, JurisdictionRules> rules = new EnumMap<>(Jurisdiction.class);
        for (Jurisdiction j : Jurisdiction.values()) {
            rules.put(j, j != idle ? shipped.of(j) : new JurisdictionRules(5_000_000, Set.of(), Set.of(),
                    "a jurisdiction that issues and trades nothing", Optional.empty(), Map.of()));
        }
        return new RegistryRulePack(rules);
    }

    /**
     * Random issuance, transfers, moves into trading, pledges, freezes, cancellations and surrenders, booked when the
     * rules accept them, set-asides into the stability reserve and releases out of it, and attempts to take
     * surrendered or reserved units, keep the registry's invariants: issued - cancelled - surrendered = held by the
     * parties (in any status), the reserve and the auction delivery account, none of them negative, every
     * transaction balanced.
     */
    @Property(tries = 300)
    void acceptedMovementsKeepTheInvariants(@ForAll("operations") List<Op> operations) {
        Map<HoldingKey, Long> holdings = new HashMap<>();
        for (Op op : operations) {
            Movement movement = movement(op);
            Initiator initiator = switch (op.kind()) {
                case ISSUE, SET_ASIDE, RELEASE -> Initiator.system("allocation-service");
                case PLEDGE -> Initiator.pledgee("bank");
                case FREEZE, RECLAIM -> Initiator.regulator("regulator");
                default -> Initiator.party(parties[op.from()], "p" + op.from());
            };
            try {
                holdings.putAll(rules.apply(movement, initiator, accounts, holdings));
                assertThat(movement.lines().stream().mapToLong(Movement.Line::delta).sum()).isZero();
                assertThat(op.kind()).as("surrendered or reserved units taken").isNotIn(Kind.RECLAIM, Kind.RAID);
            } catch (RuleViolationException refused) {
                if (op.kind() == Kind.RECLAIM || op.kind() == Kind.RAID) {
                    assertThat(refused.code()).isEqualTo("NOT_PERMITTED");
                } else {
                    assertThat(refused.code()).isIn("INSUFFICIENT_UNITS", "QUANTITY_CAP_EXCEEDED");
                }
            }
            long issued = -holdings.getOrDefault(available(ISSUANCE, CEA), 0L);
            long cancelled = holdings.getOrDefault(available(SystemAccounts.voluntaryCancellation(), CEA), 0L);
            long surrendered = holdings.getOrDefault(available(SURRENDER, CEA), 0L);
            long reserved = holdings.getOrDefault(available(RESERVE, CEA), 0L);
            long auctioned = holdings.getOrDefault(available(DELIVERY, CEA), 0L);
            assertThat(reserved).isNotNegative();
            long held = reserved + auctioned;
            for (int p = 0; p < PARTIES; p++) {
                for (HoldingStatus status : HoldingStatus.values()) {
                    long quantity = holdings.getOrDefault(new HoldingKey(holding(p), CEA, status), 0L);
                    assertThat(quantity).isNotNegative();
                    held += quantity;
                }
            }
            assertThat(held).isEqualTo(issued - cancelled - surrendered);
        }
    }

    private Movement movement(Op op) {
        return switch (op.kind()) {
            case ISSUE -> issue(op.to(), op.quantity());
            case TRANSFER -> transfer(op.from(), op.to(), op.quantity());
            case TO_TRADING -> Movement.between(TransactionType.TO_TRADING, CEA, op.quantity(), holding(op.from()),
                    HoldingStatus.AVAILABLE, holding(op.from()), HoldingStatus.IN_TRADING);
            case PLEDGE -> Movement.between(TransactionType.PLEDGE, CEA, op.quantity(), holding(op.from()),
                    HoldingStatus.AVAILABLE, holding(op.from()), HoldingStatus.PLEDGED);
            case FREEZE -> Movement.between(TransactionType.FREEZE, CEA, op.quantity(), holding(op.from()),
                    HoldingStatus.AVAILABLE, holding(op.from()), HoldingStatus.FROZEN);
            case CANCEL -> Movement.between(TransactionType.VOLUNTARY_CANCELLATION, CEA, op.quantity(),
                    holding(op.from()), HoldingStatus.AVAILABLE, SystemAccounts.voluntaryCancellation(),
                    HoldingStatus.AVAILABLE);
            case SURRENDER -> surrender(op.from(), op.quantity());
            case RECLAIM -> Movement.between(TransactionType.TRANSFER, CEA, op.quantity(), SURRENDER,
                    HoldingStatus.AVAILABLE, holding(op.to()), HoldingStatus.AVAILABLE);
            case SET_ASIDE -> setAside(op.quantity());
            case RELEASE -> release(op.quantity());
            case RAID -> Movement.between(TransactionType.TRANSFER, CEA, op.quantity(), RESERVE,
                    HoldingStatus.AVAILABLE, holding(op.from()), HoldingStatus.AVAILABLE);
        };
    }

    enum Kind { ISSUE, TRANSFER, TO_TRADING, PLEDGE, FREEZE, CANCEL, SURRENDER, RECLAIM, SET_ASIDE, RELEASE, RAID }

    record Op(Kind kind, int from, int to, long quantity) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> party = Arbitraries.integers().between(0, PARTIES - 1);
        Arbitrary<Long> quantity = Arbitraries.oneOf(Arbitraries.longs().between(1, 5_000),
                Arbitraries.longs().between(49_000_000, 51_000_000));
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Kind.ISSUE)),
                Tuple.of(4, Arbitraries.just(Kind.TRANSFER)), Tuple.of(1, Arbitraries.just(Kind.TO_TRADING)),
                Tuple.of(1, Arbitraries.just(Kind.PLEDGE)), Tuple.of(1, Arbitraries.just(Kind.FREEZE)),
                Tuple.of(1, Arbitraries.just(Kind.CANCEL)), Tuple.of(1, Arbitraries.just(Kind.SURRENDER)),
                Tuple.of(1, Arbitraries.just(Kind.RECLAIM)), Tuple.of(1, Arbitraries.just(Kind.SET_ASIDE)),
                Tuple.of(1, Arbitraries.just(Kind.RELEASE)), Tuple.of(1, Arbitraries.just(Kind.RAID)));
        return Combinators.combine(kind, party, party, quantity).as(Op::new)
                .filter(op -> op.kind() != Kind.TRANSFER || op.from() != op.to())
                .list().ofMaxSize(60);
    }
}
