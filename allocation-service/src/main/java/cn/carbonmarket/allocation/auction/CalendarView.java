package cn.carbonmarket.allocation.auction;

import java.util.List;

/**
 * A period's auction calendar: every auction in window order, the revenue of those that cleared (clearing price x
 * sold), what they sold, and the lots of cancelled auctions still waiting for a scheduled auction to take them.
 */
public record CalendarView(String periodId, String instrument, List<AuctionView> auctions, long revenueFen,
                           long soldTonnes, long waitingCarryOverLots) {
}
