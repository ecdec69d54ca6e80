package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.registry.transaction.StatementPage;
import cn.carbonmarket.registry.transaction.TransactionType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

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

    /** The page of the account's statement these parameters ask for. */
    StatementPage pageOf(AccountId account) {
        RequestValidation validation = new RequestValidation();
        TransactionType typeFilter = type == null ? null : validation.field("type", () -> parseType(type));
        LocalDate fromDate = from == null ? null : validation.field("from", () -> parseDate("from", from));
        LocalDate toDate = to == null ? null : validation.field("to", () -> parseDate("to", to));
        validation.throwIfInvalid();
        return new StatementPage(account.value(), typeFilter, startOf(fromDate),
                toDate == null ? null : startOf(toDate.plusDays(1)), size, (long) page * size);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(MARKET_ZONE).toOffsetDateTime();
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
