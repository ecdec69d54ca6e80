package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.settlement.ledger.Asset;

/** A party's balance of one asset ({@code CNY} in fen, or an instrument code in tonnes), as one book states it. */
public record Position(String partyId, String asset) implements Comparable<Position> {

    public static final String CASH = Asset.CNY.code();

    @Override
    public int compareTo(Position other) {
        int byParty = partyId.compareTo(other.partyId);
        return byParty != 0 ? byParty : asset.compareTo(other.asset);
    }
}
