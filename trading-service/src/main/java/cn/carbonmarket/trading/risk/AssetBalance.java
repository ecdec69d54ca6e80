package cn.carbonmarket.trading.risk;

/**
 * One asset of a party as its owner sees it ({@code GET /api/v1/risk/balances}).
 *
 * @param asset       CNY (fen) or an instrument code (tonnes)
 * @param free        what new orders may still use
 * @param withdrawable what may leave the market, or for units be sold: free less what a trade brought in that is
 *                     usable only from the next trading day after the trade's
 */
public record AssetBalance(String asset, long balance, long reserved, long held, long free, long withdrawable) {
}
