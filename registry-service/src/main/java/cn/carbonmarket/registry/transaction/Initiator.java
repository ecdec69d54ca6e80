package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.party.PartyId;

/**
 * Who asks for a movement: a participant for its own party, the regulator, a provincial authority for the pilot it
 * runs, or an event of the owning service.
 */
public record Initiator(Kind kind, String name, PartyId party) {

    public enum Kind { PARTY, REGULATOR, AUTHORITY, SYSTEM, PLEDGEE }

    public static Initiator party(PartyId party, String user) {
        return new Initiator(Kind.PARTY, user, party);
    }

    public static Initiator regulator(String user) {
        return new Initiator(Kind.REGULATOR, user, null);
    }

    /** A provincial authority's user, acting for the pilot it runs (it issues the pilot's own credits). */
    public static Initiator authority(String user) {
        return new Initiator(Kind.AUTHORITY, user, null);
    }

    /** A booking ordered by another service's event, e.g. "allocation-service". */
    public static Initiator system(String service) {
        return new Initiator(Kind.SYSTEM, service, null);
    }

    /** A bank acting as pledgee: it registers and releases pledges in its own name. */
    public static Initiator pledgee(String bank) {
        return new Initiator(Kind.PLEDGEE, bank, null);
    }

    @Override
    public String toString() {
        return kind == Kind.PARTY ? name + " for party " + party : name;
    }
}
