package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** All SQL of primary auctions: the calendar, preparation, the answers of the registry and the exchange, results. */
@ApplicationScoped
public class AuctionStore {

    private static final String COLUMNS = "auction_ref, period_id, seq, jurisdiction, instrument, rule_pack,"
            + " lot_tonnes, volume_lots, bidder_cap_share, eligible_types, opens_at, closes_at, prepare_at, status,"
            + " idempotency_key, scheduled_by, scheduled_at, volume_tonnes, reserve_price_fen, price_floor_fen,"
            + " market_share, trading_days, closes_used, closes_sum_fen, bidder_cap_tonnes, ccr_trigger_fen,"
            + " ccr_release_tonnes, ecr_floor_fen, ecr_withhold_tonnes, prepared_by, prepared_at,"
            + " supply_transaction_id, refusal_code, refusal_reason, trading_auction_id, announced_at, outcome,"
            + " clearing_price_fen, offered_tonnes, sold_tonnes, demand_tonnes, cover_ratio, bidders, revenue_fen,"
            + " closed_at";

    /** The terms of a compliance period an auction is scheduled in. */
    record PeriodRow(String periodId, String status, String instrument, String benchmarkPack) {
    }

    /** Lots carried from one auction to another; {@code toRef} null while no scheduled auction took them. */
    record CarryRow(String fromRef, String toRef, long lots, Instant carriedAt) {
    }

    /** A return of an auction with the registry's booking once it arrived. */
    record ReturnRow(String auctionRef, AuctionResult.UnsoldReturn unsold, String status, UUID transactionId,
                     Instant bookedAt) {
    }

    /** A winner of an auction. */
    record WinnerRow(String auctionRef, AuctionResult.Winner winner) {
    }

    /** The period; locked against other schedulings where asked (not against rows that only reference it). */
    Uni<Optional<PeriodRow>> period(SqlClient sql, String periodId, boolean lock) {
        return sql.preparedQuery("select period_id, status, instrument, benchmark_pack from compliance_period"
                        + " where period_id = $1" + (lock ? " for no key update" : ""))
                .execute(Tuple.of(periodId))
                .map(rows -> Rows.first(rows, row -> new PeriodRow(row.getString("period_id"),
                        row.getString("status"), row.getString("instrument"), row.getString("benchmark_pack"))));
    }

    Uni<Integer> nextSeq(SqlClient sql, String periodId) {
        return sql.preparedQuery("select coalesce(max(seq), 0) + 1 as next from auction where period_id = $1")
                .execute(Tuple.of(periodId))
                .map(rows -> rows.iterator().next().getInteger("next"));
    }

    Uni<Void> insert(SqlClient sql, AuctionRecord a) {
        return sql.preparedQuery("insert into auction (auction_ref, period_id, seq, jurisdiction, instrument,"
                        + " rule_pack, lot_tonnes, volume_lots, bidder_cap_share, eligible_types, opens_at, closes_at,"
                        + " prepare_at, status, idempotency_key, scheduled_by, scheduled_at, updated_at) values ($1, $2,"
                        + " $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)")
                .execute(Tuple.tuple(Arrays.asList(a.auctionRef(), a.periodId(), a.seq(), a.jurisdiction().name(),
                        a.instrument().toString(), a.rulePack(), a.lotTonnes(), a.volumeLots(), a.bidderCapShare(),
                        a.eligibleTypes().stream().map(Enum::name).sorted().toArray(String[]::new), utc(a.opensAt()),
                        utc(a.closesAt()), utc(a.prepareAt()), a.status().name(), a.idempotencyKey(), a.scheduledBy(),
                        utc(a.scheduledAt()))))
                .replaceWithVoid();
    }

    Uni<Optional<AuctionRecord>> byIdempotencyKey(SqlClient sql, String key) {
        return sql.preparedQuery("select " + COLUMNS + " from auction where idempotency_key = $1")
                .execute(Tuple.of(key))
                .map(rows -> Rows.first(rows, AuctionStore::auction));
    }

    Uni<Optional<AuctionRecord>> find(SqlClient sql, String auctionRef, boolean forUpdate) {
        return sql.preparedQuery("select " + COLUMNS + " from auction where auction_ref = $1"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(auctionRef))
                .map(rows -> Rows.first(rows, AuctionStore::auction));
    }

    Uni<List<AuctionRecord>> ofPeriod(SqlClient sql, String periodId) {
        return sql.preparedQuery("select " + COLUMNS + " from auction where period_id = $1 order by opens_at, seq")
                .execute(Tuple.of(periodId))
                .map(rows -> Rows.all(rows, AuctionStore::auction));
    }

    /** The period's scheduled auctions after {@code from} in calendar order, locked: carry-over adds to them. */
    Uni<List<String>> nextScheduled(SqlClient sql, AuctionRecord from) {
        return sql.preparedQuery("select auction_ref from auction where period_id = $1 and status = 'SCHEDULED'"
                        + " and (opens_at, seq) > ($2, $3) order by opens_at, seq for update")
                .execute(Tuple.of(from.periodId(), utc(from.opensAt()), from.seq()))
                .map(rows -> Rows.all(rows, row -> row.getString("auction_ref")));
    }

    /** Auctions due for preparation: scheduled, past their preparation time, their window not yet closed. */
    Uni<List<String>> due(SqlClient sql, Instant now, int limit) {
        return sql.preparedQuery("select auction_ref from auction where status = 'SCHEDULED' and prepare_at <= $1"
                        + " and closes_at > $1 order by prepare_at, auction_ref limit $2")
                .execute(Tuple.of(utc(now), limit))
                .map(rows -> Rows.all(rows, row -> row.getString("auction_ref")));
    }

    /** A due auction, locked; empty if another instance holds it or prepared it meanwhile. */
    Uni<Optional<AuctionRecord>> claimDue(SqlClient sql, String ref, Instant now) {
        return sql.preparedQuery("select " + COLUMNS + " from auction where auction_ref = $1 and status = 'SCHEDULED'"
                        + " and prepare_at <= $2 and closes_at > $2 for update skip locked")
                .execute(Tuple.of(ref, utc(now)))
                .map(rows -> Rows.first(rows, AuctionStore::auction));
    }

    Uni<Void> carry(SqlClient sql, String periodId, String fromRef, String toRef, long lots, Instant at) {
        return sql.preparedQuery("insert into auction_carry_over (period_id, from_ref, to_ref, lots, carried_at)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(periodId, fromRef, toRef, lots, utc(at))).replaceWithVoid();
    }

    /** Lots no scheduled auction was there to take go to {@code toRef}, just scheduled. */
    Uni<Void> placeWaiting(SqlClient sql, String periodId, String toRef) {
        return sql.preparedQuery("update auction_carry_over set to_ref = $2 where period_id = $1 and to_ref is null")
                .execute(Tuple.of(periodId, toRef)).replaceWithVoid();
    }

    Uni<Long> carriedInto(SqlClient sql, String ref) {
        return sql.preparedQuery("select coalesce(sum(lots), 0) as lots from auction_carry_over where to_ref = $1")
                .execute(Tuple.of(ref))
                .map(rows -> rows.iterator().next().getLong("lots"));
    }

    Uni<List<CarryRow>> carries(SqlClient sql, String periodId) {
        return sql.preparedQuery("select from_ref, to_ref, lots, carried_at from auction_carry_over"
                        + " where period_id = $1 order by carry_id")
                .execute(Tuple.of(periodId))
                .map(rows -> Rows.all(rows, row -> new CarryRow(row.getString("from_ref"), row.getString("to_ref"),
                        row.getLong("lots"), row.getOffsetDateTime("carried_at").toInstant())));
    }

    Uni<Boolean> withdraw(SqlClient sql, String ref, Instant at) {
        return sql.preparedQuery("update auction set status = 'WITHDRAWN', updated_at = $2"
                        + " where auction_ref = $1 and status = 'SCHEDULED'")
                .execute(Tuple.of(ref, utc(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Preparation fixed: SUPPLYING, from SCHEDULED or after a refused supply. */
    Uni<Void> prepared(SqlClient sql, String ref, AuctionRecord.Prepared p) {
        ReservePrice price = p.reservePrice();
        SupplyTerms supply = p.supply();
        return sql.preparedQuery("update auction set status = 'SUPPLYING', volume_tonnes = $2, reserve_price_fen = $3,"
                        + " price_floor_fen = $4, market_share = $5, trading_days = $6, closes_used = $7,"
                        + " closes_sum_fen = $8, bidder_cap_tonnes = $9, ccr_trigger_fen = $10,"
                        + " ccr_release_tonnes = $11, ecr_floor_fen = $12, ecr_withhold_tonnes = $13,"
                        + " prepared_by = $14, prepared_at = $15, refusal_code = null, refusal_reason = null,"
                        + " updated_at = $15 where auction_ref = $1 and status in ('SCHEDULED', 'SUPPLY_REFUSED')")
                .execute(Tuple.tuple(Arrays.asList(ref, supply.volumeTonnes(), price.priceFen(), price.floorFen(),
                        price.marketShare(), price.tradingDays(), price.closesUsed(), price.closesSumFen(),
                        supply.bidderCapTonnes(), supply.triggerFen(), supply.releaseTonnes(), supply.floorFen(),
                        supply.withholdTonnes(), p.by(), utc(p.at()))))
                .replaceWithVoid();
    }

    /** The registry booked the supply into trading: true if this moved the auction (once). */
    Uni<Boolean> supplied(SqlClient sql, String ref, UUID transactionId, Instant at) {
        return sql.preparedQuery("update auction set status = 'IN_TRADING', supply_transaction_id = $2,"
                        + " refusal_code = null, refusal_reason = null, updated_at = $3"
                        + " where auction_ref = $1 and status in ('SUPPLYING', 'SUPPLY_REFUSED')")
                .execute(Tuple.of(ref, transactionId, utc(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The registry refused the supply; a booking already seen is never undone by it. */
    Uni<Boolean> supplyRefused(SqlClient sql, String ref, String code, String reason, Instant at) {
        return sql.preparedQuery("update auction set status = 'SUPPLY_REFUSED', refusal_code = $2,"
                        + " refusal_reason = $3, updated_at = $4 where auction_ref = $1 and status = 'SUPPLYING'")
                .execute(Tuple.of(ref, code, reason, utc(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    Uni<Void> announced(SqlClient sql, String ref, long tradingAuctionId, Instant announcedAt, Instant at) {
        return sql.preparedQuery("update auction set status = 'ANNOUNCED', trading_auction_id = $2,"
                        + " announced_at = $3, updated_at = $4 where auction_ref = $1 and status = 'IN_TRADING'")
                .execute(Tuple.of(ref, tradingAuctionId, utc(announcedAt), utc(at))).replaceWithVoid();
    }

    Uni<Void> closed(SqlClient sql, String ref, Long tradingAuctionId, AuctionRecord.Result r, AuctionStatus status,
                     Instant at) {
        return sql.preparedQuery("update auction set status = $2, trading_auction_id = coalesce(trading_auction_id,"
                        + " $3), outcome = $4, clearing_price_fen = $5, offered_tonnes = $6, sold_tonnes = $7,"
                        + " demand_tonnes = $8, cover_ratio = $9, bidders = $10, revenue_fen = $11, closed_at = $12,"
                        + " updated_at = $13 where auction_ref = $1")
                .execute(Tuple.tuple(Arrays.asList(ref, status.name(), tradingAuctionId, r.outcome(),
                        r.clearingPriceFen(), r.offeredTonnes(), r.soldTonnes(), r.demandTonnes(), r.coverRatio(),
                        r.bidders(), r.revenueFen(), utc(r.closedAt()), utc(at))))
                .replaceWithVoid();
    }

    Uni<Void> insertWinners(SqlClient sql, String ref, List<AuctionResult.Winner> winners) {
        if (winners.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("insert into auction_winner (auction_ref, party_id, tonnes, amount_fen)"
                        + " values ($1, $2, $3, $4)")
                .executeBatch(winners.stream().map(w -> Tuple.of(ref, w.partyId().value(), w.tonnes(),
                        w.amountFen())).toList())
                .replaceWithVoid();
    }

    Uni<Void> insertReturns(SqlClient sql, String ref, List<AuctionResult.UnsoldReturn> returns) {
        if (returns.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("insert into auction_return (release_id, auction_ref, destination, tonnes, reason,"
                        + " status) values ($1, $2, $3, $4, $5, 'PENDING')")
                .executeBatch(returns.stream().map(r -> Tuple.of(r.releaseId(), ref, r.destination().value(),
                        r.tonnes(), r.reason())).toList())
                .replaceWithVoid();
    }

    /** The registry booked a return: the auction it belongs to, if this booked it (once). */
    Uni<Optional<String>> returnBooked(SqlClient sql, String releaseId, UUID transactionId, Instant at) {
        return sql.preparedQuery("update auction_return set status = 'BOOKED', transaction_id = $2, booked_at = $3"
                        + " where release_id = $1 and status = 'PENDING' returning auction_ref")
                .execute(Tuple.of(releaseId, transactionId, utc(at)))
                .map(rows -> Rows.first(rows, row -> row.getString("auction_ref")));
    }

    /** RETURNING -> COMPLETED once no return of the auction waits for its booking. */
    Uni<Void> completeIfReturned(SqlClient sql, String ref, Instant at) {
        return sql.preparedQuery("update auction set status = 'COMPLETED', updated_at = $2 where auction_ref = $1"
                        + " and status = 'RETURNING' and not exists (select 1 from auction_return"
                        + " where auction_ref = $1 and status <> 'BOOKED')")
                .execute(Tuple.of(ref, utc(at))).replaceWithVoid();
    }

    Uni<List<WinnerRow>> winners(SqlClient sql, String periodId, String ref) {
        return sql.preparedQuery("select w.auction_ref, w.party_id, w.tonnes, w.amount_fen from auction_winner w"
                        + " join auction a on a.auction_ref = w.auction_ref where a.period_id = $1"
                        + " and ($2::text is null or w.auction_ref = $2) order by w.auction_ref, w.party_id")
                .execute(Tuple.of(periodId, ref))
                .map(rows -> Rows.all(rows, row -> new WinnerRow(row.getString("auction_ref"),
                        new AuctionResult.Winner(new PartyId(row.getUUID("party_id")),
                                row.getLong("tonnes"), row.getLong("amount_fen")))));
    }

    Uni<List<ReturnRow>> returns(SqlClient sql, String periodId, String ref) {
        return sql.preparedQuery("select r.auction_ref, r.release_id, r.destination, r.tonnes, r.reason, r.status,"
                        + " r.transaction_id, r.booked_at from auction_return r join auction a"
                        + " on a.auction_ref = r.auction_ref where a.period_id = $1"
                        + " and ($2::text is null or r.auction_ref = $2) order by r.auction_ref, r.release_id")
                .execute(Tuple.of(periodId, ref))
                .map(rows -> Rows.all(rows, row -> {
                    OffsetDateTime booked = row.getOffsetDateTime("booked_at");
                    return new ReturnRow(row.getString("auction_ref"), new AuctionResult.UnsoldReturn(
                            row.getString("release_id"),
                            AccountId.parse(row.getString("destination")),
                            row.getLong("tonnes"), row.getString("reason")), row.getString("status"),
                            row.getUUID("transaction_id"), booked == null ? null : booked.toInstant());
                }));
    }

    private static AuctionRecord auction(Row row) {
        Set<PartyType> types = EnumSet.noneOf(PartyType.class);
        for (String type : row.getArrayOfStrings("eligible_types")) {
            types.add(PartyType.valueOf(type));
        }
        AuctionRecord.Prepared prepared = row.getOffsetDateTime("prepared_at") == null ? null
                : new AuctionRecord.Prepared(new ReservePrice(row.getLong("reserve_price_fen"),
                        row.getLong("price_floor_fen"), row.getBigDecimal("market_share"),
                        row.getInteger("trading_days"), row.getInteger("closes_used"), row.getLong("closes_sum_fen")),
                        new SupplyTerms(row.getLong("volume_tonnes"), row.getLong("ccr_release_tonnes"),
                                row.getLong("ccr_trigger_fen"), row.getLong("ecr_withhold_tonnes"),
                                row.getLong("ecr_floor_fen"), row.getLong("bidder_cap_tonnes")),
                        row.getString("prepared_by"), row.getOffsetDateTime("prepared_at").toInstant());
        AuctionRecord.Result result = row.getString("outcome") == null ? null
                : new AuctionRecord.Result(row.getString("outcome"), row.getLong("clearing_price_fen"),
                        row.getLong("offered_tonnes"), row.getLong("sold_tonnes"), row.getLong("demand_tonnes"),
                        row.getBigDecimal("cover_ratio"), row.getInteger("bidders"), row.getLong("revenue_fen"),
                        row.getOffsetDateTime("closed_at").toInstant());
        OffsetDateTime announced = row.getOffsetDateTime("announced_at");
        return new AuctionRecord(row.getString("auction_ref"), row.getString("period_id"), row.getInteger("seq"),
                Jurisdiction.valueOf(row.getString("jurisdiction")), InstrumentCode.parse(row.getString("instrument")),
                row.getString("rule_pack"), row.getLong("lot_tonnes"), row.getLong("volume_lots"),
                row.getBigDecimal("bidder_cap_share"), types, row.getOffsetDateTime("opens_at").toInstant(),
                row.getOffsetDateTime("closes_at").toInstant(), row.getOffsetDateTime("prepare_at").toInstant(),
                AuctionStatus.valueOf(row.getString("status")), row.getString("idempotency_key"),
                row.getString("scheduled_by"), row.getOffsetDateTime("scheduled_at").toInstant(), prepared,
                row.getUUID("supply_transaction_id"), row.getString("refusal_code"), row.getString("refusal_reason"),
                row.getLong("trading_auction_id"), announced == null ? null : announced.toInstant(), result);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
