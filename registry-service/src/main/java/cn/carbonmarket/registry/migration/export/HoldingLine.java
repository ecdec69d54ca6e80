package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.unit.InstrumentCode;

/**
 * A pilot account's holding of one instrument. Codes (account, identity) are trimmed, upper-cased and full-width
 * normalised but not validated: checking the identity's checksum is the import service's job. The holder name is
 * only trimmed, because it is the holder's legal name as registered.
 */
public record HoldingLine(String file, int line, String pilotAccount, String holderName, HolderKind holderKind,
        String rawHolderType, String identityCode, InstrumentCode instrument, long tonnes) implements ExportLine {
}
