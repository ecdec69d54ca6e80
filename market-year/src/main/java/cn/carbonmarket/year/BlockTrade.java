package cn.carbonmarket.year;

/**
 * The year's block trade: an entity's block offer a buyer accepts, at least the national block minimum (100,000 t)
 * and within the block band (30% of the previous close).
 *
 * @param seller index into the scenario's entities
 * @param buyer  index into the scenario's traders
 */
public record BlockTrade(int seller, int buyer, long priceFen, long quantity) {
}
