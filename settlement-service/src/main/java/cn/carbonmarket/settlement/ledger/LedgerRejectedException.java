package cn.carbonmarket.settlement.ledger;

/** The ledger refused a command; nothing of it was applied. */
public class LedgerRejectedException extends RuntimeException {

    private final Rejection rejection;

    public LedgerRejectedException(Rejection rejection, String message) {
        super(message);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
