package cn.carbonmarket.year;

/**
 * One trade of the year as two orders that meet: the entity sells first, the buyer takes it at the same price.
 *
 * @param day    the trading day, from 0
 * @param seller index into the scenario's entities
 * @param buyer  index into the scenario's traders
 */
public record Trade(int day, int seller, int buyer, long priceFen, long quantity) {
}
