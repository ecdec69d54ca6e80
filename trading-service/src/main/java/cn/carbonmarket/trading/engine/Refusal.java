package cn.carbonmarket.trading.engine;

/**
 * Why an engine refused a command before it changed anything. {@code code} is the stable problem code a client
 * switches on; the names of the listing rules' refusals are those of the order book's result codes.
 */
public record Refusal(String code, String message) {
}
