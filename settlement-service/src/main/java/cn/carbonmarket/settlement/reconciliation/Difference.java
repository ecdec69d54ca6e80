package cn.carbonmarket.settlement.reconciliation;

/**
 * Where settlement's book and another one disagree on a party's asset.
 *
 * @param source     REGISTRY (its IN_TRADING holdings) or TRADING (its risk view)
 * @param settlement what settlement's ledger says
 * @param other      what the other book says
 * @param difference settlement minus other
 */
public record Difference(String source, String partyId, String asset, long settlement, long other, long difference) {

    public static Difference of(String source, Position position, long settlement, long other) {
        return new Difference(source, position.partyId(), position.asset(), settlement, other,
                Math.subtractExact(settlement, other));
    }
}
