package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.registry.migration.export.DuplicateLine;
import cn.carbonmarket.registry.migration.export.ExportLine;
import cn.carbonmarket.registry.migration.export.HolderKind;
import cn.carbonmarket.registry.migration.export.HoldingLine;
import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.registry.migration.export.UnreadableLine;
import cn.carbonmarket.registry.party.PartyRegistration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sorts an upload's records as they stream by. A holding row goes to its holder, identified by the checksum of its
 * credit code or resident id (a holder with several pilot accounts is one party), or, when the holder cannot be
 * identified, to the suspense account with an issue; duplicates are dropped and unreadable rows failed, each with an
 * issue too. It keeps sums per holder and instrument, so it grows with the holders, not with the rows.
 *
 * <p>Fed by the one import thread; the counters may be read meanwhile from any thread to show progress.
 */
final class ImportTally implements Consumer<ExportLine> {

    static final Comparator<InstrumentCode> INSTRUMENT_ORDER = Comparator.comparing(InstrumentCode::toString);

    /** A holder as the export shows it, with what it held per instrument over all its pilot accounts. */
    static final class Holder {

        private PartyRegistration registration;
        private final Map<InstrumentCode, Long> tonnes = new TreeMap<>(INSTRUMENT_ORDER);

        private Holder(PartyRegistration registration) {
            this.registration = registration;
        }

        PartyRegistration registration() {
            return registration;
        }

        /** Non-zero holdings only: a zero-tonne row creates no holding. */
        Map<InstrumentCode, Long> tonnes() {
            return tonnes;
        }
    }

    /** A record that was not booked to its holder as read; {@code holding} is there for a set-aside row. */
    record Issue(RowOutcome outcome, String file, int line, String reason, HoldingLine holding) {

        MigrationIssue view() {
            return holding == null ? new MigrationIssue(outcome, file, line, reason, null, null, null, null)
                    : new MigrationIssue(outcome, file, line, reason, holding.pilotAccount(), holding.holderName(),
                    holding.instrument().toString(), holding.tonnes());
        }
    }

    private final Pilot pilot;
    private final Consumer<RowOutcome> onRow;
    /** Per holder kind and identity code: its Holder, or why it cannot be identified (checked once per code). */
    private final Map<String, Object> identities = new HashMap<>();
    /** Per identity code: one holder, one party, however many pilot accounts it had. */
    private final Map<String, Holder> holders = new LinkedHashMap<>();
    /** Units of unidentified holders per pilot account and instrument. */
    private final Map<String, Map<InstrumentCode, Long>> suspense = new LinkedHashMap<>();
    private final List<Issue> issues = new ArrayList<>();
    private volatile long read;
    private volatile long booked;
    private volatile long setAside;
    private volatile long dropped;
    private volatile long failed;

    /** {@code onRow} hears of every record's outcome as it happens (the metrics). */
    ImportTally(Pilot pilot, Consumer<RowOutcome> onRow) {
        this.pilot = pilot;
        this.onRow = onRow;
    }

    @Override
    public void accept(ExportLine line) {
        read++;
        if (line instanceof HoldingLine holding) {
            book(holding);
        } else if (line instanceof DuplicateLine duplicate) {
            dropped++;
            issue(RowOutcome.DROPPED, line, "exact duplicate of line " + duplicate.duplicateOf(), null);
        } else {
            failed++;
            issue(RowOutcome.FAILED, line, ((UnreadableLine) line).reason(), null);
        }
    }

    private void book(HoldingLine line) {
        Object identified = identify(line);
        if (identified instanceof Holder holder) {
            booked++;
            add(holder.tonnes, line);
            onRow.accept(RowOutcome.BOOKED);
        } else {
            setAside++;
            add(suspense.computeIfAbsent(line.pilotAccount(), account -> new TreeMap<>(INSTRUMENT_ORDER)), line);
            issue(RowOutcome.SET_ASIDE, line, (String) identified, line);
        }
    }

    private static void add(Map<InstrumentCode, Long> tonnes, HoldingLine line) {
        if (line.tonnes() != 0) {
            tonnes.merge(line.instrument(), line.tonnes(), Math::addExact);
        }
    }

    private void issue(RowOutcome outcome, ExportLine line, String reason, HoldingLine holding) {
        issues.add(new Issue(outcome, line.file(), line.line(), reason, holding));
        onRow.accept(outcome);
    }

    private Object identify(HoldingLine line) {
        HolderKind kind = line.holderKind();
        if (kind == HolderKind.UNKNOWN) {
            return "holder type '" + line.rawHolderType() + "' is none of the pilots' holder types";
        }
        Object identified = identities.computeIfAbsent(kind.isOrganisation() + line.identityCode(),
                code -> holderOf(line));
        // A key emitting unit that also held an investor account is still a key emitting unit.
        if (identified instanceof Holder holder && kind == HolderKind.KEY_EMITTING_UNIT
                && holder.registration.type() != PartyType.COMPLIANCE_ENTITY) {
            PartyRegistration r = holder.registration;
            holder.registration = new PartyRegistration(r.name(), PartyType.COMPLIANCE_ENTITY, r.region(), r.identity());
        }
        return identified;
    }

    /** The holder of a new identity code, or the reason the code identifies no one. */
    private Object holderOf(HoldingLine line) {
        LegalIdentity identity;
        try {
            identity = line.holderKind().isOrganisation() ? UnifiedSocialCreditCode.parse(line.identityCode())
                    : ResidentIdentityNumber.parse(line.identityCode());
        } catch (InvalidValueException e) {
            return e.getMessage();
        }
        PartyType type = switch (line.holderKind()) {
            case KEY_EMITTING_UNIT -> PartyType.COMPLIANCE_ENTITY;
            case INSTITUTION -> PartyType.INSTITUTION;
            default -> PartyType.INDIVIDUAL;
        };
        Region region = Region.ofDivisionCode(identity.divisionCode()).orElse(pilot.province());
        PartyRegistration registration = new PartyRegistration(line.holderName(), type, region, identity);
        return holders.computeIfAbsent(identity.code(), code -> new Holder(registration));
    }

    Collection<Holder> holders() {
        return holders.values();
    }

    Map<String, Map<InstrumentCode, Long>> suspense() {
        return suspense;
    }

    List<Issue> issues() {
        return issues;
    }

    RowCounters counters() {
        return new RowCounters(read, booked, setAside, dropped, failed);
    }

    Map<InstrumentCode, Long> toHolders() {
        Map<InstrumentCode, Long> totals = new TreeMap<>(INSTRUMENT_ORDER);
        holders.values().forEach(h -> h.tonnes.forEach((i, t) -> totals.merge(i, t, Math::addExact)));
        return totals;
    }

    Map<InstrumentCode, Long> toSuspense() {
        Map<InstrumentCode, Long> totals = new TreeMap<>(INSTRUMENT_ORDER);
        suspense.values().forEach(account -> account.forEach((i, t) -> totals.merge(i, t, Math::addExact)));
        return totals;
    }
}
