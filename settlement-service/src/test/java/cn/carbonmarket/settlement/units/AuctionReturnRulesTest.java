package cn.carbonmarket.settlement.units;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.event.AuctionResult.UnsoldReturn;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.MarketException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.settlement.tradingrisk.TradingUnavailableException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which auction results settlement books, and which failures of a return are worth another try. */
class AuctionReturnRulesTest {

    private static final PartyId AUCTIONEER = SystemParties.auctioneer(Jurisdiction.CN);
    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");

    private static AuctionResult result(PartyId seller, InstrumentCode instrument, UnsoldReturn... returns) {
        return new AuctionResult("CN-2025-A01", "CN-2025", instrument, seller, "CLEARED", 6_000L, 5_000, 100, 100, 40,
                40, new BigDecimal("0.40"), 2, List.of(), 240_000, List.of(returns), Instant.now());
    }

    private static UnsoldReturn to(String destination, String releaseId, long tonnes) {
        return new UnsoldReturn(releaseId, new AccountId(destination), tonnes, "ECR_WITHHELD");
    }

    private static Optional<String> refusal(AuctionResult result) {
        return AuctionReturns.refusal(result).map(MarketException::code);
    }

    @Test
    void anAuctioneersReturnsToItsOwnJurisdictionsAccountsAreBooked() {
        assertThat(refusal(result(AUCTIONEER, CEA, to("STABILITY_RESERVE-CN", "CN-2025-A01-ECR_WITHHELD", 60),
                to("NATIONAL_ISSUANCE-CN", "CN-2025-A01-UNSOLD_CARRIED_OVER", 1)))).isEmpty();
        assertThat(refusal(result(AUCTIONEER, CEA))).as("nothing to return").isEmpty();
    }

    @Test
    void anyOtherSellerIsRefused() {
        assertThat(refusal(result(new PartyId(UUID.randomUUID()), CEA,
                to("STABILITY_RESERVE-CN", "CN-2025-A01-ECR_WITHHELD", 60)))).contains("NOT_AUCTIONEER");
        assertThat(refusal(result(null, CEA))).contains("NOT_AUCTIONEER");
    }

    @Test
    void anotherDestinationOrAMalformedReturnIsRefused() {
        assertThat(refusal(result(AUCTIONEER, CEA, to("STABILITY_RESERVE-HB", "CN-2025-A01-ECR_WITHHELD", 60))))
                .contains("UNKNOWN_DESTINATION");
        assertThat(refusal(result(AUCTIONEER, CEA, to("HOLDING-" + AUCTIONEER, "CN-2025-A01-ECR_WITHHELD", 60))))
                .contains("UNKNOWN_DESTINATION");
        assertThat(refusal(result(AUCTIONEER, CEA, new UnsoldReturn("CN-2025-A01-ECR_WITHHELD", null, 60,
                "ECR_WITHHELD")))).contains("UNKNOWN_DESTINATION");
        assertThat(refusal(result(AUCTIONEER, CEA, to("STABILITY_RESERVE-CN", "CN-2025-A01-ECR_WITHHELD", 0))))
                .contains("INVALID_RETURN");
        assertThat(refusal(result(AUCTIONEER, CEA, to("STABILITY_RESERVE-CN", "CN 2025/A01", 5))))
                .contains("INVALID_RETURN");
        assertThat(refusal(result(AUCTIONEER, CEA, to("STABILITY_RESERVE-CN", "x".repeat(101), 5))))
                .contains("INVALID_RETURN");
        assertThat(refusal(result(AUCTIONEER, null, to("STABILITY_RESERVE-CN", "CN-2025-A01-ECR_WITHHELD", 5))))
                .contains("INVALID_RETURN");
    }

    @Test
    void tradingsRefusalOrSilenceAndInfrastructureFailuresAreTriedAgainTheLedgersRefusalsAreNot() {
        assertThat(AuctionReturns.worthAskingAgain(new TradingUnavailableException("no answer"))).isTrue();
        assertThat(AuctionReturns.worthAskingAgain(new ConflictException("WITHDRAWAL_REFUSED_BY_TRADING", "held")))
                .isTrue();
        assertThat(AuctionReturns.worthAskingAgain(new IllegalStateException("connection lost"))).isTrue();
        assertThat(AuctionReturns.worthAskingAgain(new RuleViolationException("INSUFFICIENT_UNITS", "short")))
                .isFalse();
        assertThat(AuctionReturns.worthAskingAgain(new ConflictException("ENTRY_ID_CONFLICT", "other body")))
                .isFalse();
    }
}
