package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.List;

/**
 * The header names under which a tabular export keeps the holder and the quantity. Instruments are left to each
 * pilot's reader: they are the part every pilot writes differently.
 */
record HoldingColumns(String account, String holder, String holderType, String identity, String quantity,
        QuantityFormat quantityFormat) {

    Bound bind(Columns header) throws ExportFormatException {
        return new Bound(header.indexOf(account), header.indexOf(holder), header.indexOf(holderType),
                header.indexOf(identity), header.indexOf(quantity), quantityFormat);
    }

    record Bound(int account, int holder, int holderType, int identity, int quantity, QuantityFormat quantityFormat) {

        HoldingLine holding(String file, int line, List<String> fields, InstrumentCode instrument)
                throws UnreadableRowException {
            Holder owner = Holder.of(fields.get(account), fields.get(holder), fields.get(holderType),
                    fields.get(identity));
            return owner.holds(file, line, instrument, quantityFormat.tonnes(fields.get(quantity)));
        }
    }
}
