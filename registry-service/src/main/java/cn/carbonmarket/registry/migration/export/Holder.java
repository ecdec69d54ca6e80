package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.unit.InstrumentCode;

/** The account part of an export row, normalised once for all of the account's holdings. */
record Holder(String account, String name, String rawType, HolderKind kind, String identity) {

    static Holder of(String rawAccount, String rawName, String rawType, String rawIdentity)
            throws UnreadableRowException {
        String account = ExportText.code(rawAccount);
        String name = ExportText.name(rawName);
        String identity = ExportText.code(rawIdentity);
        if (account.isEmpty()) {
            throw new UnreadableRowException("account number is empty");
        }
        if (name.isEmpty()) {
            throw new UnreadableRowException("holder name is empty");
        }
        if (identity.isEmpty()) {
            throw new UnreadableRowException("identity code is empty");
        }
        String type = ExportText.name(rawType);
        return new Holder(account, name, type, HolderKind.classify(type), identity);
    }

    HoldingLine holds(String file, int line, InstrumentCode instrument, long tonnes) {
        return new HoldingLine(file, line, account, name, kind, rawType, identity, instrument, tonnes);
    }
}
