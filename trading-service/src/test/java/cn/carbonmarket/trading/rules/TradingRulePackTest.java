package cn.carbonmarket.trading.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.calendar.SessionWindow;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.calendar.TradingMode;
import cn.carbonmarket.trading.orderbook.OrderValidation;
import cn.carbonmarket.trading.orderbook.PriceBand;
import cn.carbonmarket.trading.orderbook.ResultCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TradingRulePackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TradingRulePack PACK = TradingRulePack.load(JSON);
    private static final Set<Jurisdiction> PILOTS = EnumSet.complementOf(EnumSet.of(Jurisdiction.CN));

    @Test
    void theNationalListingRulesAreThePublishedOnesEachWithItsSource() {
        ListingRules national = PACK.listing(Jurisdiction.CN).orElseThrow();

        assertThat(national.tick()).isEqualTo(1);
        assertThat(national.quantityStep()).isEqualTo(1);
        assertThat(national.minQuantity()).isEqualTo(1);
        assertThat(national.maxQuantity()).isEqualTo(99_999);
        assertThat(national.dailyBandBasisPoints()).isEqualTo(1_000);
        assertThat(national.counterpartyLevels()).isEqualTo(5);
        assertThat(national.sources()).containsOnlyKeys("tickFen", "quantityStepTonnes", "minQuantityTonnes",
                "maxQuantityTonnes", "dailyBandBasisPoints", "counterpartyLevels");
        assertThat(national.sources().get("dailyBandBasisPoints")).contains("10%");
    }

    @Test
    void theNationalMarketTradesByTheCalendarsSessionsAndAdmitsEveryKindOfParty() {
        JurisdictionRules national = PACK.rules(Jurisdiction.CN).orElseThrow();
        TradingCalendar calendar = TradingCalendar.load(JSON);

        assertThat(national.calendar().sessions(TradingMode.LISTING)).isEqualTo(calendar.sessions(TradingMode.LISTING));
        assertThat(national.calendar().sessions(TradingMode.BLOCK)).isEqualTo(calendar.sessions(TradingMode.BLOCK));
        assertThat(national.eligibility().admitsEveryone()).isTrue();
        assertThat(national.unconfirmed()).isEmpty();
    }

    @Test
    void everyPilotHasAPackWithListingSessionsAndEligibilityEachFigureWithItsSource() {
        for (Jurisdiction pilot : PILOTS) {
            JurisdictionRules rules = PACK.rules(pilot).orElseThrow(() -> new AssertionError(pilot + " has no pack"));
            assertThat(rules.listing().sources()).as(pilot + " listing").containsOnlyKeys("tickFen",
                    "quantityStepTonnes", "minQuantityTonnes", "maxQuantityTonnes", "dailyBandBasisPoints",
                    "counterpartyLevels");
            assertThat(rules.listing().sources().values()).as(pilot + " sources").allMatch(s -> !s.isBlank());
            assertThat(rules.calendar().offers(TradingMode.LISTING)).as(pilot + " listing sessions").isTrue();
            assertThat(rules.blockRules().isPresent()).as(pilot + " block rules exactly where block sessions are")
                    .isEqualTo(rules.calendar().offers(TradingMode.BLOCK));
            assertThat(rules.eligibility().source()).as(pilot + " eligibility source").isNotBlank();
        }
    }

    @Test
    void thePilotsBandsAndBlockThresholdsAreTheOnesSettled() {
        assertThat(band(Jurisdiction.BJ)).isEqualTo(2_000);
        assertThat(band(Jurisdiction.CQ)).isEqualTo(2_000);
        for (Jurisdiction tenPercent : List.of(Jurisdiction.TJ, Jurisdiction.SH, Jurisdiction.HB, Jurisdiction.GD,
                Jurisdiction.SZ)) {
            assertThat(band(tenPercent)).as(tenPercent.name()).isEqualTo(1_000);
        }
        assertThat(PACK.block(Jurisdiction.BJ).orElseThrow().minQuantity()).isEqualTo(10_000);
        assertThat(PACK.block(Jurisdiction.SZ).orElseThrow().minQuantity()).isEqualTo(10_000);
        assertThat(PACK.block(Jurisdiction.SH).orElseThrow().dailyBandBasisPoints()).isEqualTo(3_000);
        assertThat(PACK.block(Jurisdiction.HB)).as("Hubei has no block agreement trading").isEmpty();
        assertThat(PACK.calendar(Jurisdiction.HB).orElseThrow().offers(TradingMode.BLOCK)).isFalse();
    }

    @Test
    void aFigureItsSourceCouldNotConfirmIsListedAsUnconfirmed() {
        assertThat(PACK.rules(Jurisdiction.BJ).orElseThrow().unconfirmed()).contains("listing.dailyBandBasisPoints");
        assertThat(PACK.rules(Jurisdiction.HB).orElseThrow().unconfirmed())
                .doesNotContain("listing.dailyBandBasisPoints", "listing.tickFen", "eligibility.partyTypes");
    }

    @Test
    void guangdongTradesByItsOwnPublishedHours() {
        TradingCalendar guangdong = PACK.calendar(Jurisdiction.GD).orElseThrow();

        assertThat(guangdong.sessions(TradingMode.LISTING)).containsExactly(
                new SessionWindow(LocalTime.of(9, 30), LocalTime.of(11, 30)),
                new SessionWindow(LocalTime.of(13, 30), LocalTime.of(15, 30)));
    }

    @Test
    void aJurisdictionThatDoesNotAdmitIndividualsRefusesOneNamingItselfAndWhomItAdmits() {
        PartyId individual = new PartyId(UUID.randomUUID());
        Eligibility shanghai = PACK.eligibility(Jurisdiction.SH).orElseThrow();
        Eligibility hubei = PACK.eligibility(Jurisdiction.HB).orElseThrow();

        assertThatThrownBy(() -> shanghai.require(individual, PartyType.INDIVIDUAL))
                .isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("code", "PARTY_NOT_ELIGIBLE")
                .hasMessageContaining("Shanghai pilot (SH)").hasMessageContaining("[COMPLIANCE_ENTITY, INSTITUTION]")
                .hasMessageContaining("INDIVIDUAL");
        shanghai.require(individual, PartyType.INSTITUTION);
        hubei.require(individual, PartyType.INDIVIDUAL);
        assertThatThrownBy(() -> hubei.require(individual, null)).as("a party the exchange has no profile of")
                .hasMessageContaining("no risk profile");
    }

    /** Each pilot's band applied: a price at the band's edge is accepted, one tick beyond it refused. */
    @Property
    void everyPilotsBandTakesItsEdgesAndRefusesATickBeyond(@ForAll("pilots") Jurisdiction pilot,
                                                          @ForAll @LongRange(min = 100, max = 50_000) long close) {
        ListingRules rules = PACK.listing(pilot).orElseThrow();
        OrderValidation validation = new OrderValidation(rules, close);
        PriceBand band = validation.band();
        long quantity = rules.minQuantity();

        assertThat(band).isEqualTo(PriceBand.around(close, rules.dailyBandBasisPoints(), rules.tick()));
        assertThat(validation.limitOrder(band.highest(), quantity)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.limitOrder(band.lowest(), quantity)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(validation.limitOrder(band.highest() + rules.tick(), quantity))
                .isEqualTo(ResultCode.PRICE_ABOVE_BAND);
        assertThat(validation.limitOrder(band.lowest() - rules.tick(), quantity))
                .isEqualTo(ResultCode.PRICE_BELOW_BAND);
        // The edges lie the pack's share from the close, to within half a tick.
        long share = close * rules.dailyBandBasisPoints();
        assertThat(Math.abs((band.highest() - close) * 10_000 - share)).isLessThanOrEqualTo(rules.tick() * 5_000);
    }

    @Provide
    Arbitrary<Jurisdiction> pilots() {
        return Arbitraries.of(PILOTS);
    }

    @Test
    void aPackLackingARequiredEntryFailsNamingTheJurisdictionAndTheEntry() {
        assertRefused(hubei -> hubei.remove("eligibility"), "trading rule pack HB has no 'eligibility' entry");
        assertRefused(hubei -> hubei.remove("listing"), "trading rule pack HB has no 'listing' entry");
        assertRefused(hubei -> hubei.remove("sessions"), "trading rule pack HB has no 'sessions' entry");
        assertRefused(hubei -> ((ObjectNode) hubei.get("listing")).remove("dailyBandBasisPoints"),
                "HB listing has no 'dailyBandBasisPoints'");
        assertRefused(hubei -> ((ObjectNode) hubei.get("sessions")).remove("LISTING"), "HB has no LISTING sessions");
        assertRefused(hubei -> hubei.set("block", hubei.get("listing")), "HB has a 'block' entry but no BLOCK");
        assertRefused(hubei -> ((ObjectNode) hubei.get("sessions")).putObject("BLOCK").put("national", true)
                .put("source", "test"), "HB has BLOCK sessions but no 'block' entry");
        assertRefused(hubei -> ((ObjectNode) hubei.get("sessions")).putObject("NIGHT").put("source", "test"),
                "unknown trading mode 'NIGHT'");
        assertRefused(hubei -> ((ObjectNode) hubei.at("/eligibility/partyTypes")).putArray("value").add("ROBOT"),
                "HB eligibility.partyTypes");
        assertRefused(hubei -> ((ObjectNode) hubei.at("/listing/tickFen")).remove("source"),
                "HB listing.tickFen names no source");
        assertRefused(hubei -> ((ObjectNode) hubei.at("/listing/tickFen")).put("value", 1.5),
                "HB listing.tickFen must be a whole number");
        assertRefused(hubei -> hubei.set("sesions", hubei.get("sessions")), "HB has an entry 'sesions'");
    }

    private static void assertRefused(Consumer<ObjectNode> breakHubei, String message) {
        ObjectNode root = shippedPack();
        breakHubei.accept((ObjectNode) root.get("HB"));
        assertThatThrownBy(() -> TradingRulePack.read(root, TradingCalendar.load(JSON)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    private static ObjectNode shippedPack() {
        try (InputStream in = TradingRulePackTest.class.getResourceAsStream("/rules/trading-rules.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long band(Jurisdiction jurisdiction) {
        return PACK.listing(jurisdiction).orElseThrow().dailyBandBasisPoints();
    }
}
