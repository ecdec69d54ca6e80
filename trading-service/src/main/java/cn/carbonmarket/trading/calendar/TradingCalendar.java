package cn.carbonmarket.trading.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which days the exchange trades and when each trading mode is open, read from calendar/trading-calendar.json
 * (data with its sources, not code). Asked about a year whose holidays it does not know, it refuses rather than
 * guess a day open. The file's sessions are the national market's; a jurisdiction with hours of its own trades on
 * the same days with its own sessions ({@link #withSessions}), and a mode without sessions does not exist there.
 */
public final class TradingCalendar {

    private static final String RESOURCE = "/calendar/trading-calendar.json";

    private final ZoneId zone;
    private final Map<TradingMode, List<SessionWindow>> sessions;
    private final Set<Integer> years;
    private final Set<LocalDate> holidays;

    public TradingCalendar(ZoneId zone, Map<TradingMode, List<SessionWindow>> sessions, Set<Integer> years,
                           Set<LocalDate> holidays) {
        if (sessions.getOrDefault(TradingMode.LISTING, List.of()).isEmpty()) {
            throw new IllegalStateException("a calendar without listing sessions trades nothing");
        }
        this.zone = zone;
        this.sessions = new EnumMap<>(TradingMode.class);
        sessions.forEach((mode, windows) -> {
            if (!windows.isEmpty()) {
                this.sessions.put(mode, List.copyOf(windows));
            }
        });
        this.years = Set.copyOf(years);
        this.holidays = Set.copyOf(holidays);
    }

    /** The same trading days with other sessions: a jurisdiction's own hours, and only the modes it has. */
    public TradingCalendar withSessions(Map<TradingMode, List<SessionWindow>> own) {
        return new TradingCalendar(zone, own, years, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The windows of {@code mode}; none where the mode does not exist. */
    public List<SessionWindow> sessions(TradingMode mode) {
        return sessions.getOrDefault(mode, List.of());
    }

    /** Whether {@code mode} exists here at all. */
    public boolean offers(TradingMode mode) {
        return sessions.containsKey(mode);
    }

    public boolean isTradingDay(LocalDate date) {
        if (!years.contains(date.getYear())) {
            throw new IllegalStateException("the trading calendar has no holidays for " + date.getYear());
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The first trading day after {@code date}. */
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isTradingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The last trading day before {@code date}: whose close is {@code date}'s previous close. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate previous = date.minusDays(1);
        while (!isTradingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** Whether {@code mode} accepts orders at {@code instant}. */
    public boolean isOpen(TradingMode mode, Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!isTradingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return sessions(mode).stream().anyMatch(window -> window.contains(time));
    }

    /** When the session of {@code mode} that is open at {@code instant} closes; empty if none is open then. */
    public Optional<Instant> sessionClose(TradingMode mode, Instant instant) {
        if (!isOpen(mode, instant)) {
            return Optional.empty();
        }
        ZonedDateTime local = instant.atZone(zone);
        return sessions(mode).stream().filter(window -> window.contains(local.toLocalTime())).findFirst()
                .map(window -> local.toLocalDate().atTime(window.closes()).atZone(zone).toInstant());
    }

    /** The trading day {@code instant} falls on in the exchange's zone, if it is one. */
    public Optional<LocalDate> tradingDay(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return isTradingDay(date) ? Optional.of(date) : Optional.empty();
    }

    /** When {@code mode}, which must exist here, next opens at or after {@code instant} (itself, if open then). */
    public Instant nextOpen(TradingMode mode, Instant instant) {
        if (!offers(mode)) {
            throw new IllegalStateException(mode + " trading does not exist here, so it never opens");
        }
        if (isOpen(mode, instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (isTradingDay(date)) {
            for (SessionWindow window : sessions(mode)) {
                if (local.toLocalTime().isBefore(window.opens())) {
                    return date.atTime(window.opens()).atZone(zone).toInstant();
                }
            }
        }
        return nextTradingDay(date).atTime(sessions(mode).get(0).opens()).atZone(zone).toInstant();
    }

    public static TradingCalendar load(ObjectMapper mapper) {
        try (InputStream in = TradingCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = mapper.readTree(in);
            if (!root.required("weekdaysOnly").required("value").asBoolean()) {
                throw new IllegalStateException("only a Monday-to-Friday calendar is supported");
            }
            Map<TradingMode, List<SessionWindow>> sessions = new EnumMap<>(TradingMode.class);
            root.required("sessions").fields().forEachRemaining(entry -> {
                List<SessionWindow> windows = new ArrayList<>();
                entry.getValue().required("windows").forEach(w -> windows.add(new SessionWindow(
                        LocalTime.parse(w.get(0).asText()), LocalTime.parse(w.get(1).asText()))));
                sessions.put(TradingMode.valueOf(entry.getKey()), windows);
            });
            Set<Integer> years = new HashSet<>();
            Set<LocalDate> holidays = new HashSet<>();
            root.required("holidays").fields().forEachRemaining(entry -> {
                int year = Integer.parseInt(entry.getKey());
                years.add(year);
                entry.getValue().required("dates").forEach(range -> {
                    LocalDate first = LocalDate.parse(range.get(0).asText());
                    LocalDate last = LocalDate.parse(range.get(1).asText());
                    if (first.getYear() != year || last.getYear() != year || last.isBefore(first)) {
                        throw new IllegalStateException("holiday " + range + " does not lie in " + year);
                    }
                    first.datesUntil(last.plusDays(1)).forEach(holidays::add);
                });
            });
            return new TradingCalendar(ZoneId.of(root.required("zone").asText()), sessions, years, holidays);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trading calendar", e);
        }
    }
}
