package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.allocation.activity.ActivityCsv.Parsed;
import cn.carbonmarket.allocation.activity.ActivityCsv.UploadRow;
import cn.carbonmarket.contracts.id.TimeOrderedIds;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A year's activity data uploaded as CSV by a provincial authority or the regulator: every line checked, then all of
 * it recorded in one transaction or none of it. The same content again (same year, same SHA-256, same verified flag)
 * is answered with the first upload's receipt and records nothing.
 */
@ApplicationScoped
public class ActivityUploads {

    private final Pool pool;
    private final ActivityStore store;
    private final Clock clock;

    public ActivityUploads(Pool pool, ActivityStore store, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.clock = clock;
    }

    /** The upload's receipt, and whether this call recorded it. */
    public record Uploaded(UploadReceipt receipt, boolean created) {
    }

    /** Reads the body as it arrives: call it on a worker thread. */
    public Uni<Uploaded> upload(int year, InputStream body, boolean verified, Caller caller) {
        Verification.requireRegulatorToVerify(verified, caller);
        Parsed upload = ActivityCsv.read(body);
        List<String> unitIds = upload.rows().stream().map(r -> r.row().unitId()).toList();
        return pool.withTransaction(conn -> store.lockYear(conn, year)
                .chain(() -> store.standings(conn, year, unitIds))
                .chain(standings -> {
                    check(year, upload, standings, caller);
                    upload.errors().throwIfAny();
                    return store.upload(conn, year, upload.contentHash(), verified);
                })
                .chain(previous -> previous != null ? Uni.createFrom().item(new Uploaded(previous, false))
                        : record(conn, year, upload, verified, caller)));
    }

    /** Each well-formed row against the register: a unit that exists, in the caller's reach, and it may change. */
    private static void check(int year, Parsed upload, Map<String, UnitStanding> standings, Caller caller) {
        for (UploadRow row : upload.rows()) {
            String unitId = row.row().unitId();
            UnitStanding unit = standings.get(unitId);
            if (unit == null) {
                upload.errors().add(row.line(), "unit_id", "no generating unit " + unitId + " is registered");
            } else if (!inReach(unit, caller)) {
                upload.errors().add(row.line(), "unit_id", "unit " + unitId + ": " + ActivityData.NOT_YOUR_REGION);
            } else if (!Verification.mayChange(unit, caller)) {
                upload.errors().add(row.line(), "unit_id", Verification.refusal(unitId, year));
            }
        }
    }

    /** Caller decides who reaches an entity; here its refusal is one line's error, not the request's. */
    private static boolean inReach(UnitStanding unit, Caller caller) {
        try {
            caller.requireRegionOf(unit.party(), unit.region(), ActivityData.NOT_YOUR_REGION);
            return true;
        } catch (ForbiddenException outside) {
            return false;
        }
    }

    private Uni<Uploaded> record(SqlConnection conn, int year, Parsed upload, boolean verified, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UploadReceipt receipt = new UploadReceipt(TimeOrderedIds.at(now), year, upload.contentHash(),
                upload.rows().size(), verified, caller.name(), now);
        return store.insertUpload(conn, receipt)
                .chain(() -> store.write(conn, year, upload.rows().stream().map(UploadRow::row).toList(), verified,
                        receipt.uploadId(), caller.name(), now))
                .replaceWith(new Uploaded(receipt, true));
    }
}
