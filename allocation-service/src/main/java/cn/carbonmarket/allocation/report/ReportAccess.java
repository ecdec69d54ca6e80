package cn.carbonmarket.allocation.report;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;

/**
 * Who reaches a report: the entity its own (and only it edits its drafts), the verifier the versions assigned to it,
 * a provincial authority its region's, the regulator every one (to read).
 */
final class ReportAccess {

    private ReportAccess() {
    }

    static void read(ReportRecord report, Caller caller) {
        if (caller.hasRole(Roles.REGULATOR)) {
            return;
        }
        if (caller.hasRole(Roles.PROVINCIAL_AUTHORITY)) {
            province(report, caller);
        } else if (caller.hasRole(Roles.VERIFIER)) {
            verifier(report, caller);
        } else {
            entity(report, caller);
        }
    }

    static void entity(ReportRecord report, Caller caller) {
        if (caller.partyId().filter(report.party()::equals).isEmpty()) {
            throw new ForbiddenException("NOT_YOUR_PARTY", "an entity reaches only its own reports");
        }
    }

    static void province(ReportRecord report, Caller caller) {
        if (caller.region().filter(region -> region == report.region()).isEmpty()) {
            throw new ForbiddenException("NOT_YOUR_REGION", "a provincial authority reaches only its region's"
                    + " reports");
        }
    }

    static void verifier(ReportRecord report, Caller caller) {
        if (report.verifierPartyId() == null || caller.partyId().map(PartyId::value)
                .filter(report.verifierPartyId()::equals).isEmpty()) {
            throw new ForbiddenException("NOT_ASSIGNED", "a verifier reaches only the reports assigned to it");
        }
    }
}
