package cn.carbonmarket.year;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A market year generated from a seed: the same seed and scale give the same parties, units, emissions and trades
 * ({@link Random} is specified to), so a run can be played again and its outcome computed from the data alone.
 *
 * <p>Every sixth entity emits above its allocation and moves all it held before into trading to sell: it ends the
 * year short. Every other entity keeps at least what its emissions above allocation need, so it can surrender its
 * whole obligation. The year trades {@value #INSTRUMENT}, the vintage the entities hold from before the period.
 * Prices stay within 8% of its previous close, CNY 90, and within 2.5% of the day's reference (the last day's average):
 * the exchange's band is 10% of the previous close, which a day's prices then keep to whether the played days fall on
 * one trade date or on several. The days nearer the deadline trade more. Besides the continuous trades, the first
 * entity sells 100,000 t in a block trade to the first buyer and the second 10,000 t in a one-way auction to three
 * buyers' sealed bids; both sellers move those units into trading on top of the rest. The period's own allowance is
 * sold in a primary auction of ten lots to up to three institutions' sealed bids.
 */
public record Scenario(long seed, Scale scale, List<CoveredEntity> entities, List<Trader> traders,
                       List<Trade> trades, BlockTrade block, AuctionSale auction, PrimaryAuction primaryAuction) {

    /** The pilot regions (Shenzhen is in Guangdong) and a six-digit division of each, for the parties' identities. */
    private static final String[][] REGIONS = {{"BJ", "110105", "Beijing"}, {"TJ", "120101", "Tianjin"},
            {"SH", "310115", "Shanghai"}, {"CQ", "500103", "Chongqing"}, {"HB", "420100", "Wuhan"},
            {"GD", "440100", "Guangzhou"}, {"GD", "440300", "Shenzhen"}};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou",
            "Wu"};
    private static final String[] GIVEN = {"Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Xin", "Tao", "Hui"};
    /** Coal above 300 MW, CN-2022: 0.8177 t/MWh; the pre-allocation gives 70% of it. */
    private static final long MWH_STEP = 100_000;
    /** The instrument the year trades: CEA-2024, which no other part of the suite trades. */
    public static final String INSTRUMENT = "CEA-2024";
    /** Its previous close as trading lists it; the period's own allowance is listed at the same price. */
    public static final long PREVIOUS_CLOSE_FEN = 9_000;
    private static final long LOT = 100;
    private static final long BLOCK_TONNES = 100_000;
    private static final long AUCTION_TONNES = 10_000;

    public static Scenario generate(long seed, Scale scale) {
        Random random = new Random(seed);
        List<CoveredEntity> entities = new ArrayList<>();
        for (int i = 0; i < scale.entities(); i++) {
            entities.add(entity(random, seed, i));
        }
        int buyers = scale.institutions() + scale.individuals();
        // The block and the auction sell units their sellers hold and move into trading on top of the rest.
        BlockTrade block = new BlockTrade(0, 0, PREVIOUS_CLOSE_FEN * 95 / 100, BLOCK_TONNES);
        AuctionSale auction = new AuctionSale(Math.min(1, scale.entities() - 1), AUCTION_TONNES,
                PREVIOUS_CLOSE_FEN * 90 / 100, List.of(
                new AuctionSale.Bid(0, PREVIOUS_CLOSE_FEN * 98 / 100, AUCTION_TONNES / 2),
                new AuctionSale.Bid(Math.min(1, buyers - 1), PREVIOUS_CLOSE_FEN * 96 / 100, AUCTION_TONNES / 2),
                new AuctionSale.Bid(Math.min(2, buyers - 1), PREVIOUS_CLOSE_FEN * 94 / 100, AUCTION_TONNES / 2)));
        entities.set(block.seller(), entities.get(block.seller()).holdingMore(block.quantity()));
        entities.set(auction.seller(), entities.get(auction.seller()).holdingMore(auction.quantity()));
        List<Trade> trades = trades(random, scale, entities, block, auction);
        long[] spend = new long[buyers];
        trades.forEach(t -> spend[t.buyer()] += t.priceFen() * t.quantity());
        spend[block.buyer()] += block.priceFen() * block.quantity();
        auction.bids().forEach(b -> spend[b.buyer()] += b.priceFen() * b.quantity());
        PrimaryAuction primary = primaryAuction(scale);
        primary.bids().forEach(b -> spend[b.buyer()] += b.priceFen() * b.quantity());
        List<Trader> traders = new ArrayList<>();
        Set<String> residentIds = new HashSet<>();
        for (int i = 0; i < spend.length; i++) {
            // Enough for what it buys and its fees (at most 1% here), and a little over.
            long cash = spend[i] + spend[i] / 100 + 10_000_000L;
            traders.add(i < scale.institutions() ? institution(random, seed, i, cash)
                    : individual(random, residentIds, cash));
        }
        return new Scenario(seed, scale, List.copyOf(entities), List.copyOf(traders), List.copyOf(trades), block,
                auction, primary);
    }

    /**
     * Ten lots with half of them each bidder's cap, bid for by up to three institutions a little under the price
     * the year trades at: 12 lots asked if there are three (the new vintage has no closes, so the reserve is the
     * pack's floor).
     */
    private static PrimaryAuction primaryAuction(Scale scale) {
        int bidders = Math.min(3, scale.institutions());
        List<AuctionSale.Bid> bids = new ArrayList<>();
        for (int i = 0; i < bidders; i++) {
            bids.add(new AuctionSale.Bid(i, PREVIOUS_CLOSE_FEN * (97 - 2 * i) / 100,
                    PrimaryAuction.LOT_TONNES * (5 - i)));
        }
        return new PrimaryAuction(10, "0.5", List.copyOf(bids));
    }

    /** Emissions of the coal burned: tonnes x 20.000 GJ/t x 0.02600 tC/GJ x 0.99 x 44/12, half up to the tonne. */
    public static long emissions(long coalTonnes) {
        return BigDecimal.valueOf(coalTonnes).multiply(new BigDecimal("20.000")).multiply(new BigDecimal("0.02600"))
                .multiply(new BigDecimal("0.99")).multiply(BigDecimal.valueOf(44))
                .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The year's allocation of a coal unit above 300 MW at a load factor of 0.88 (no correction), CN-2022. */
    public static long allocation(long electricityMwh) {
        return electricityMwh * 8_177 / 10_000;
    }

    private static CoveredEntity entity(Random random, long seed, int index) {
        String[] region = REGIONS[index % REGIONS.length];
        long mwh = MWH_STEP * (1 + random.nextInt(6));
        long allocation = allocation(mwh);
        boolean shortOfUnits = index % 6 == 5;
        // Emissions as a share of the allocation, in per mille: 103-110% for the short, 85-108% for the others.
        long perMille = shortOfUnits ? 1_030 + random.nextInt(71) : 850 + random.nextInt(231);
        long coal = (allocation * perMille * 10 + 9_438) / 18_876; // / 1,000 / 1.8876 t CO2 per t, rounded half up
        long deficit = Math.max(0, emissions(coal) - allocation);
        long granted;
        long intoTrading;
        if (shortOfUnits) {
            granted = LOT * (10 + random.nextInt(40));
            intoTrading = granted;
        } else {
            long spare = LOT * (20 + random.nextInt(100));
            granted = (deficit + LOT - 1) / LOT * LOT + spare;
            intoTrading = Math.max(LOT, spare * (3 + random.nextInt(7)) / 10 / LOT * LOT);
        }
        String name = region[2] + " Thermal Power No. " + (index + 1) + " Co., Ltd.";
        return new CoveredEntity(name, region[0], creditCode(region[1], seed, index), "MY-" + seed + "-" + index,
                mwh, coal, granted, intoTrading);
    }

    private static Trader institution(Random random, long seed, int index, long cashFen) {
        String[] region = REGIONS[random.nextInt(REGIONS.length)];
        return new Trader(region[2] + " Carbon Asset Management No. " + (index + 1) + " Co., Ltd.", "INSTITUTION",
                region[0], UnifiedSocialCreditCode.FIELD, creditCode(region[1], seed, 500_000 + index), cashFen);
    }

    private static Trader individual(Random random, Set<String> taken, long cashFen) {
        String[] region = REGIONS[random.nextInt(REGIONS.length)];
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
        String id;
        do {
            String body = region[1] + String.format("%04d%02d%02d%03d", 1960 + random.nextInt(40),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1_000));
            id = residentId(body);
        } while (!taken.add(id));
        return new Trader(name, "INDIVIDUAL", region[0], ResidentIdentityNumber.FIELD, id, cashFen);
    }

    /** A credit code of the division, unique per seed and index (the seed's last three digits lead the serial). */
    private static String creditCode(String division, long seed, int index) {
        return UnifiedSocialCreditCode.completing("91" + division + String.format("%03d%06d",
                Math.floorMod(seed, 1_000), index)).code();
    }

    /** The body completed with the check character the contract accepts. */
    private static String residentId(String body) {
        for (char check : "0123456789X".toCharArray()) {
            try {
                return ResidentIdentityNumber.parse(body + check).code();
            } catch (InvalidValueException wrong) {
                // not this check character
            }
        }
        throw new IllegalStateException("no check character completes " + body);
    }

    private static List<Trade> trades(Random random, Scale scale, List<CoveredEntity> entities, BlockTrade block,
                                      AuctionSale auction) {
        long[] left = entities.stream().mapToLong(CoveredEntity::intoTradingTonnes).toArray();
        left[block.seller()] -= block.quantity();
        left[auction.seller()] -= auction.quantity();
        int buyers = scale.institutions() + scale.individuals();
        List<Trade> trades = new ArrayList<>();
        long reference = PREVIOUS_CLOSE_FEN;
        for (int day = 0; day < scale.tradingDays(); day++) {
            // The tide: the last day before the deadline trades three times an ordinary day.
            long span = Math.max(1, scale.tradingDays() - 1);
            int count = (int) (scale.tradesPerDay() * (span * span + 2L * day * day) / (span * span));
            long low = Math.max(PREVIOUS_CLOSE_FEN * 92 / 100, reference * 975 / 1_000);
            long high = Math.min(PREVIOUS_CLOSE_FEN * 108 / 100, reference * 1_025 / 1_000);
            long price = reference;
            long value = 0;
            long volume = 0;
            for (int n = 0; n < count; n++) {
                int seller = random.nextInt(entities.size());
                if (left[seller] < LOT) {
                    continue;   // sold out: the day trades a little less
                }
                long quantity = LOT * (1 + random.nextInt((int) Math.min(20, left[seller] / LOT)));
                left[seller] -= quantity;
                price = Math.max(low, Math.min(high, price + random.nextInt(201) - 100));
                trades.add(new Trade(day, seller, random.nextInt(buyers), price, quantity));
                value += price * quantity;
                volume += quantity;
            }
            if (volume > 0) {
                reference = value / volume;
            }
        }
        return trades;
    }
}
