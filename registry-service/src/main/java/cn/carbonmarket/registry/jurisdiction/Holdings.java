package cn.carbonmarket.registry.jurisdiction;

import cn.carbonmarket.contracts.party.Jurisdiction;
import java.util.List;

/**
 * A jurisdiction's instruments and where their units are: in parties' accounts per status, and surrendered. Units
 * still in the issuance, reserve, suspense or cancellation accounts are not in any of these.
 */
public record Holdings(Jurisdiction jurisdiction, List<Instrument> instruments) {

    /** @param holders the parties' accounts holding any of it, in any status */
    public record Instrument(String instrument, long holders, long available, long inTrading, long pledged,
                             long frozen, long surrendered) {
    }

    public Holdings {
        instruments = List.copyOf(instruments);
    }
}
