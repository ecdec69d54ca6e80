package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The query parameters of an account statement: paging, transaction type and booking dates. */
public class StatementFilter {

    /** Statements follow the market's calendar day. */
    private static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    int size;

    @QueryParam("type")
    String type;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    record Query(String where, Tuple args) {
    }

    int size() {
        return size;
    }

    int offset() {
        return page * size;
    }

    /** A condition over t2 (the transaction) and l2 (its line on this account), with its parameters. */
    Query query(AccountId account) {
        RequestValidation validation = new RequestValidation();
        TransactionType typeFilter = type == null ? null : validation.field("type", () -> parseType(type));
        LocalDate fromDate = from == null ? null : validation.field("from", () -> parseDate("from", from));
        LocalDate toDate = to == null ? null : validation.field("to", () -> parseDate("to", to));
        validation.throwIfInvalid();
        List<Object> args = new ArrayList<>(List.of(account.value()));
        StringBuilder where = new StringBuilder("l2.account_id = $1");
        if (typeFilter != null) {
            args.add(typeFilter.name());
            where.append(" and t2.type = $").append(args.size());
        }
        if (fromDate != null) {
            args.add(fromDate.atStartOfDay(MARKET_ZONE).toOffsetDateTime());
            where.append(" and t2.booked_at >= $").append(args.size());
        }
        if (toDate != null) {
            args.add(toDate.plusDays(1).atStartOfDay(MARKET_ZONE).toOffsetDateTime());
            where.append(" and t2.booked_at < $").append(args.size());
        }
        return new Query(where.toString(), Tuple.tuple(args));
    }

    static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static TransactionType parseType(String text) {
        try {
            return TransactionType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new cn.carbonmarket.contracts.InvalidValueException("type", "unknown transaction type '" + text + "'");
        }
    }

    private static LocalDate parseDate(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.carbonmarket.contracts.InvalidValueException(field, field + " '" + text
                    + "' is not a date like 2026-11-25");
        }
    }
}
