package cn.carbonmarket.allocation.auction;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a cancelled auction's lots over the next scheduled auctions of its calendar (EU Auctioning Regulation,
 * art. 7: evenly over the next four): equal whole lots each, the lots that do not divide evenly all to the earliest.
 */
final class CarryOver {

    private CarryOver() {
    }

    /** Lots added to one later auction. */
    record Share(String auctionRef, long lots) {
    }

    /**
     * {@code lots} over the first {@code count} of {@code next} (in calendar order); shares of no lot are left out.
     * Nothing when there is no later auction: the lots wait for the next one scheduled.
     */
    static List<Share> spread(long lots, List<String> next, int count) {
        List<String> targets = next.subList(0, Math.min(count, next.size()));
        List<Share> shares = new ArrayList<>();
        if (targets.isEmpty() || lots <= 0) {
            return shares;
        }
        long each = lots / targets.size();
        long remainder = lots % targets.size();
        for (int i = 0; i < targets.size(); i++) {
            long share = each + (i == 0 ? remainder : 0);
            if (share > 0) {
                shares.add(new Share(targets.get(i), share));
            }
        }
        return shares;
    }
}
