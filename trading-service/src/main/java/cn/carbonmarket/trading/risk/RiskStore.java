package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What pre-trade risk keeps in PostgreSQL so that a restart finds it again: settlement's last balances, the
 * changes it has not reported yet and the withdrawal holds. Open orders' reservations are not stored: the journal
 * rebuilds the books they come from.
 */
@ApplicationScoped
public class RiskStore {

    /** Everything stored, read on start. */
    public record Snapshot(List<Settled> balances, List<BalanceChange> unreported, List<WithdrawalHold> holds) {
    }

    public record Settled(PartyId party, String asset, long balance) {
    }

    public Uni<Snapshot> load(SqlConnection conn) {
        return conn.query("select party_id, asset, settled from risk_balance").execute()
                .flatMap(balances -> conn.query("select party_id, entry_id, asset, delta from risk_delta").execute()
                        .flatMap(deltas -> conn.query("select hold_id, party_id, asset, amount, entry_id"
                                        + " from withdrawal_hold").execute()
                                .map(holds -> {
                                    List<Settled> settled = new ArrayList<>();
                                    balances.forEach(r -> settled.add(new Settled(party(r), r.getString("asset"),
                                            r.getLong("settled"))));
                                    List<BalanceChange> changes = new ArrayList<>();
                                    deltas.forEach(r -> changes.add(new BalanceChange(party(r),
                                            r.getString("entry_id"), r.getString("asset"), r.getLong("delta"))));
                                    List<WithdrawalHold> held = new ArrayList<>();
                                    holds.forEach(r -> held.add(hold(r)));
                                    return new Snapshot(settled, changes, held);
                                })));
    }

    /**
     * Settlement reported {@code entryIds} for the party: its balances replace the stored ones, the entries'
     * changes and the holds waiting for them go; units-in entries are remembered in case the registry's events for
     * the same moves are still on their way.
     */
    public Uni<Void> reported(SqlConnection conn, PartyId party, List<String> entryIds, List<String> unitsIn,
                              Map<String, Long> balances) {
        List<Tuple> rows = new ArrayList<>();
        balances.forEach((asset, balance) -> rows.add(Tuple.of(party.value(), asset, balance)));
        Uni<?> settled = rows.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("insert into risk_balance (party_id, asset, settled) values ($1, $2, $3)"
                        + " on conflict (party_id, asset) do update set settled = excluded.settled").executeBatch(rows);
        Tuple entries = Tuple.of(party.value(), entryIds.toArray(String[]::new));
        return settled
                .chain(() -> conn.preparedQuery("delete from risk_delta where party_id = $1 and entry_id = any($2)")
                        .execute(entries))
                .chain(() -> conn.preparedQuery("delete from withdrawal_hold where party_id = $1 and entry_id = any($2)")
                        .execute(entries))
                .chain(() -> unitsIn.isEmpty() ? Uni.createFrom().voidItem()
                        : conn.preparedQuery("insert into reported_entry (party_id, entry_id) select $1, unnest($2::text[])"
                                + " on conflict do nothing")
                        .execute(Tuple.of(party.value(), unitsIn.toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Stores a move into trading settlement has not reported; false if it already did (nothing to add then). */
    public Uni<Boolean> unreported(SqlConnection conn, BalanceChange change) {
        return conn.preparedQuery("insert into risk_delta (party_id, entry_id, asset, delta)"
                        + " select $1, $2, $3, $4 where not exists (select 1 from reported_entry"
                        + " where party_id = $1 and entry_id = $2) on conflict do nothing")
                .execute(Tuple.of(change.party().value(), change.entryId(), change.asset(), change.delta()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Stores trades' balance changes until settlement reports them; a self-trade's changes of an asset add up. */
    public Uni<Void> traded(SqlConnection conn, List<BalanceChange> changes) {
        List<Tuple> rows = changes.stream()
                .map(c -> Tuple.of(c.party().value(), c.entryId(), c.asset(), c.delta())).toList();
        return conn.preparedQuery("insert into risk_delta (party_id, entry_id, asset, delta) values ($1, $2, $3, $4)"
                        + " on conflict (party_id, entry_id, asset) do update set delta = risk_delta.delta"
                        + " + excluded.delta")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Stores a granted hold; false if a hold of that id was stored already. */
    public Uni<Boolean> hold(SqlConnection conn, WithdrawalHold hold, Instant at) {
        return conn.preparedQuery("insert into withdrawal_hold (hold_id, party_id, asset, amount, entry_id, held_at)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                .execute(Tuple.from(List.of(hold.holdId(), hold.partyId().value(), hold.asset(), hold.amount(),
                        hold.entryId(), at.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> release(SqlConnection conn, String holdId) {
        return conn.preparedQuery("delete from withdrawal_hold where hold_id = $1").execute(Tuple.of(holdId))
                .replaceWithVoid();
    }

    private static PartyId party(Row row) {
        return new PartyId(row.getUUID("party_id"));
    }

    private static WithdrawalHold hold(Row row) {
        return new WithdrawalHold(row.getString("hold_id"), party(row), row.getString("asset"), row.getLong("amount"),
                row.getString("entry_id"));
    }
}
