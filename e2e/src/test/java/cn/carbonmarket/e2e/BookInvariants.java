package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import java.util.List;
import java.util.Map;

/**
 * What the four books must agree on, read where each keeps it: the registry's, settlement's and trading's own
 * databases as the e2e suite runs them ({@code <service>_e2e}) and trading's risk view. Each read answers the figure
 * now, so a caller waiting for the books to settle asks again.
 */
final class BookInvariants {

    static final Database REGISTRY = Database.e2e("registry");
    static final Database SETTLEMENT = Database.e2e("settlement");
    static final Database TRADING_DB = Database.e2e("trading");

    private BookInvariants() {
    }

    /** The party's IN_TRADING holding of the instrument in the registry, over all its accounts. */
    static long registryInTrading(String party, String instrument) {
        return REGISTRY.count("select coalesce(sum(h.quantity), 0) from holding h join account a on a.id = h.account_id"
                + " where a.party_id = ?::uuid and h.instrument = ? and h.status = 'IN_TRADING'", party, instrument);
    }

    /** The party's posted balance of one settlement account kind and asset (UNITS per instrument, CASH_AVAILABLE). */
    static long settlement(String kind, String party, String asset) {
        return SETTLEMENT.count("select coalesce(sum(credits_posted - debits_posted), 0) from ledger_account"
                + " where kind = ? and owner = ? and asset = ?", kind, party, asset);
    }

    /**
     * The party's net units of cleared trades the registry has not been told to deliver yet: of a trade date without
     * a delivered run, or cleared after its date's run was made (a date's run is made once).
     */
    static long undelivered(String party, String instrument) {
        return SETTLEMENT.count("select coalesce(sum(case when t.buyer_id = ?::uuid then t.quantity else -t.quantity"
                + " end), 0) from cleared_trade t where t.instrument = ? and (t.buyer_id = ?::uuid or t.seller_id ="
                + " ?::uuid) and not exists (select 1 from clearing_run r where r.trade_date = t.trade_date"
                + " and r.delivery_state in ('DELIVERED', 'NOTHING_TO_DELIVER') and t.cleared_at <= r.completed_at)",
                party, instrument, party, party);
    }

    /** Trading's risk view: each party's balance per asset, as the exchange operator reads it. */
    static Map<String, Long> tradingBalances() {
        List<Map<String, Object>> positions = get(DemoUser.OPERATOR, TRADING + "/api/v1/risk/positions")
                .statusCode(200).extract().jsonPath().getList("$");
        return positions.stream().collect(java.util.stream.Collectors.toMap(
                p -> p.get("partyId") + "/" + p.get("asset"), p -> ((Number) p.get("balance")).longValue()));
    }

    /** Holdings that differ from the sum of their transaction lines: {@code account/instrument/status}. */
    static List<String> holdingsNotTheirLines() {
        return REGISTRY.texts("select coalesce(h.account_id, l.account_id) || '/' || coalesce(h.instrument,"
                + " l.instrument) || '/' || coalesce(h.status, l.status) from holding h full join (select account_id,"
                + " instrument, status, sum(delta) as delta from transaction_line group by 1, 2, 3) l"
                + " on l.account_id = h.account_id and l.instrument = h.instrument and l.status = h.status"
                + " where coalesce(h.quantity, 0) <> coalesce(l.delta, 0)");
    }

    /**
     * Per instrument, what was issued (out of the national and pilot issuance accounts and the pilots' migration
     * sources) less what was surrendered and cancelled, against what every other account holds, as
     * {@code instrument issued surrendered cancelled held}; only the instruments where they differ.
     */
    static List<String> issuanceNotHoldings() {
        return REGISTRY.texts("select instrument || ' ' || issued || ' ' || surrendered || ' ' || cancelled || ' ' ||"
                + " held from (select h.instrument,"
                + " -sum(h.quantity) filter (where a.type in ('NATIONAL_ISSUANCE', 'MIGRATION_SOURCE')) as issued,"
                + " coalesce(sum(h.quantity) filter (where a.type = 'SURRENDER'), 0) as surrendered,"
                + " coalesce(sum(h.quantity) filter (where a.type = 'VOLUNTARY_CANCELLATION'), 0) as cancelled,"
                + " coalesce(sum(h.quantity) filter (where a.type not in ('NATIONAL_ISSUANCE', 'MIGRATION_SOURCE',"
                + " 'SURRENDER', 'VOLUNTARY_CANCELLATION')), 0) as held"
                + " from holding h join account a on a.id = h.account_id group by h.instrument) t"
                + " where coalesce(issued, 0) - surrendered - cancelled <> held");
    }

    /** The assets whose ledger accounts do not sum to zero, posted or pending. */
    static List<String> ledgerAssetsNotZero() {
        return SETTLEMENT.texts("select asset from ledger_account group by asset having sum(credits_posted -"
                + " debits_posted) <> 0 or sum(credits_pending - debits_pending) <> 0");
    }

    /** Ledger accounts whose counters differ from their journal's transfers (posted entries and pending ones). */
    static List<String> ledgerAccountsNotTheirJournal() {
        return SETTLEMENT.texts("with moves as (select x.debit_kind as kind, x.debit_owner as owner, x.asset, e.state,"
                + " x.amount::bigint as debit, 0::bigint as credit from journal_entry e cross join lateral"
                + " unnest(e.transfers) x union all select x.credit_kind, x.credit_owner, x.asset, e.state, 0, x.amount"
                + " from journal_entry e cross join lateral unnest(e.transfers) x),"
                + " sums as (select kind, owner, asset,"
                + " sum(debit) filter (where state = 'POSTED') as dp,"
                + " sum(credit) filter (where state = 'POSTED') as cp,"
                + " sum(debit) filter (where state = 'PENDING') as dn,"
                + " sum(credit) filter (where state = 'PENDING') as cn from moves group by 1, 2, 3)"
                + " select coalesce(a.kind, s.kind) || '/' || coalesce(a.owner, s.owner) || '/'"
                + " || coalesce(a.asset, s.asset) from ledger_account a full join sums s"
                + " on s.kind = a.kind and s.owner = a.owner and s.asset = a.asset"
                + " where coalesce(a.debits_posted, 0) <> coalesce(s.dp, 0)"
                + " or coalesce(a.credits_posted, 0) <> coalesce(s.cp, 0)"
                + " or coalesce(a.debits_pending, 0) <> coalesce(s.dn, 0)"
                + " or coalesce(a.credits_pending, 0) <> coalesce(s.cn, 0)");
    }

    /** Every trade the exchange recorded, as {@code id buyer seller instrument quantity price}. */
    static List<String> tradesExecuted() {
        return TRADING_DB.texts("select trade_id || ' ' || buyer_party_id || ' ' || seller_party_id || ' ' ||"
                + " instrument || ' ' || quantity || ' ' || price_fen from trade order by 1");
    }

    /** Every trade settlement cleared, in the same form, once per trade id (its primary key). */
    static List<String> tradesCleared() {
        return SETTLEMENT.texts("select trade_id || ' ' || buyer_id || ' ' || seller_id || ' ' || instrument || ' '"
                + " || quantity || ' ' || price_fen from cleared_trade order by 1");
    }

    /** Cleared trades without exactly one posted ledger entry {@code TRADE:<id>}. */
    static List<String> clearedTradesNotPostedOnce() {
        return SETTLEMENT.texts("select t.trade_id from cleared_trade t left join journal_entry e on e.id = 'TRADE:'"
                + " || t.trade_id and e.state = 'POSTED' group by t.trade_id having count(e.id) <> 1");
    }

    /** The trades settlement could not clear. */
    static long clearingBreaks() {
        return SETTLEMENT.count("select count(*) from clearing_break");
    }

    /**
     * Per pilot and instrument where they differ: the control totals of the pilot's committed migrations against
     * what left its migration source account, as {@code pilot instrument control moved}.
     */
    static List<String> migrationsNotTheirControlTotals() {
        return REGISTRY.texts("with control as (select pilot, key as instrument, sum(value::bigint) as tonnes"
                + " from migration_job, jsonb_each_text(control -> 'totalsTonnes') where status = 'COMMITTED'"
                + " group by 1, 2), moved as (select substr(account_id, 18) as pilot, instrument, -sum(quantity) as"
                + " tonnes from holding where account_id like 'MIGRATION_SOURCE-%' group by 1, 2)"
                + " select coalesce(c.pilot, m.pilot) || ' ' || coalesce(c.instrument, m.instrument) || ' ' ||"
                + " coalesce(c.tonnes, 0) || ' ' || coalesce(m.tonnes, 0) from control c full join moved m"
                + " on m.pilot = c.pilot and m.instrument = c.instrument where coalesce(c.tonnes, 0) <>"
                + " coalesce(m.tonnes, 0)");
    }

    /** Migration jobs that finished otherwise than committed. */
    static List<String> migrationsNotCommitted() {
        return REGISTRY.texts("select pilot || ' ' || status from migration_job where status <> 'COMMITTED'");
    }
}
