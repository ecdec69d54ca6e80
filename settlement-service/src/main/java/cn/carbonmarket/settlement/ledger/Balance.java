package cn.carbonmarket.settlement.ledger;

/**
 * An account's four TigerBeetle counters, in fen or tonnes. Accounts are credit-normal: what the clearing house owes
 * a party is credits minus debits.
 */
public record Balance(long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {

    public static final Balance ZERO = new Balance(0, 0, 0, 0);

    /** Posted credits minus posted debits. */
    public long posted() {
        return Math.subtractExact(creditsPosted, debitsPosted);
    }

    /** What may still be debited: posted balance less what pending debits hold. */
    public long available() {
        return Math.subtractExact(posted(), debitsPending);
    }

    Balance debit(long amount, boolean pending) {
        return pending ? new Balance(Math.addExact(debitsPending, amount), debitsPosted, creditsPending, creditsPosted)
                : new Balance(debitsPending, Math.addExact(debitsPosted, amount), creditsPending, creditsPosted);
    }

    Balance credit(long amount, boolean pending) {
        return pending ? new Balance(debitsPending, debitsPosted, Math.addExact(creditsPending, amount), creditsPosted)
                : new Balance(debitsPending, debitsPosted, creditsPending, Math.addExact(creditsPosted, amount));
    }

    /** Moves a pending debit to posted ({@code post}) or drops it (void). */
    Balance settleDebit(long amount, boolean post) {
        long posted = post ? Math.addExact(debitsPosted, amount) : debitsPosted;
        return new Balance(Math.subtractExact(debitsPending, amount), posted, creditsPending, creditsPosted);
    }

    Balance settleCredit(long amount, boolean post) {
        long posted = post ? Math.addExact(creditsPosted, amount) : creditsPosted;
        return new Balance(debitsPending, debitsPosted, Math.subtractExact(creditsPending, amount), posted);
    }
}
