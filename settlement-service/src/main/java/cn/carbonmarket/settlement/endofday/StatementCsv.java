package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.settlement.endofday.Statements.Statement;

/** The statement as CSV, for a participant's spreadsheet. */
public final class StatementCsv {

    private StatementCsv() {
    }

    /** One TRADE row per trade, then one NET row per instrument. */
    public static String render(Statement statement) {
        StringBuilder csv = new StringBuilder("record,trade_id,side,instrument,quantity,price_fen,value_fen,fee_fen,"
                + "mode,executed_at,net_units,net_cash_fen\n");
        statement.trades().forEach(l -> csv.append(String.join(",", "TRADE", l.tradeId(), l.side(), l.instrument(),
                Long.toString(l.quantity()), Long.toString(l.priceFen()), Long.toString(l.valueFen()),
                Long.toString(l.feeFen()), l.mode(), l.executedAt().toInstant().toString(), "", "")).append('\n'));
        statement.net().forEach(n -> csv.append(String.join(",", "NET", "", "", n.instrument(), "", "", "", "", "", "",
                Long.toString(n.netUnits()), Long.toString(n.netCashFen()))).append('\n'));
        return csv.toString();
    }
}
