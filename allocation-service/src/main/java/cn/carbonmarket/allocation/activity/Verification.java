package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;

/** The regulator confirms a year's activity data as verified, and from then on only the regulator changes it. */
final class Verification {

    private Verification() {
    }

    static void requireRegulatorToVerify(boolean verified, Caller caller) {
        if (verified && !caller.hasRole(Roles.REGULATOR)) {
            throw new ForbiddenException("VERIFIED_BY_REGULATOR_ONLY",
                    "only the regulator records activity data as verified");
        }
    }

    static boolean mayChange(UnitStanding unit, Caller caller) {
        return !unit.verified() || caller.hasRole(Roles.REGULATOR);
    }

    static void requireMayChange(UnitStanding unit, String unitId, int year, Caller caller) {
        if (!mayChange(unit, caller)) {
            throw new ConflictException("ACTIVITY_VERIFIED", refusal(unitId, year));
        }
    }

    static String refusal(String unitId, int year) {
        return "the regulator verified unit " + unitId + "'s activity data of " + year
                + "; only the regulator changes it";
    }
}
