package cn.carbonmarket.contracts.event;

/** Kafka topic names, {@code <owner>.<stream>}. Partition counts live in infra/kafka/topics.txt. */
public final class Topics {

    public static final String REGISTRY_PARTIES = "registry.parties";
    public static final String REGISTRY_TRANSACTIONS = "registry.transactions";
    public static final String ALLOCATION_ISSUANCE_INSTRUCTIONS = "allocation.issuance-instructions";
    public static final String ALLOCATION_VERIFIED_EMISSIONS = "allocation.verified-emissions";
    public static final String ALLOCATION_OBLIGATIONS = "allocation.obligations";
    public static final String ALLOCATION_AUCTIONS = "allocation.auctions";
    public static final String ALLOCATION_AUCTION_RESULTS = "allocation.auction-results";
    public static final String TRADING_TRADES = "trading.trades";
    public static final String TRADING_MARKET_DATA = "trading.market-data";
    public static final String TRADING_SURVEILLANCE = "trading.surveillance";
    public static final String TRADING_AUCTIONS = "trading.auctions";
    public static final String SETTLEMENT_DELIVERY_INSTRUCTIONS = "settlement.delivery-instructions";
    public static final String SETTLEMENT_LEDGER = "settlement.ledger";

    private Topics() {
    }
}
