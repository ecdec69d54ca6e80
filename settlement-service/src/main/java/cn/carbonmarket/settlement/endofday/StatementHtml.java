package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.settlement.endofday.Statements.Statement;

/**
 * The statement as a self-contained HTML page a participant downloads and prints. Every value from the books is
 * escaped: trade ids and instrument codes come from other services and must never become markup.
 */
public final class StatementHtml {

    private StatementHtml() {
    }

    public static String render(Statement s) {
        StringBuilder html = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Settlement statement %1$s %2$s</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}\
                th,td{border:1px solid #999;padding:.25em .6em}td.n{text-align:right}</style></head><body>
                <h1>Settlement statement</h1>
                <p>Party <b>%1$s</b>, trade date <b>%2$s</b>, clearing run <b>%3$s</b></p>
                <h2>Trades</h2>
                <table><thead><tr><th>Trade</th><th>Side</th><th>Instrument</th><th>Quantity (t)</th>\
                <th>Price (CNY/t)</th><th>Value (CNY)</th><th>Fee (CNY)</th><th>Mode</th><th>Executed (UTC)</th>\
                </tr></thead><tbody>
                """.formatted(escape(s.partyId()), s.tradeDate(), escape(s.runId())));
        s.trades().forEach(l -> html.append("<tr><td>").append(escape(l.tradeId())).append("</td><td>")
                .append(escape(l.side())).append("</td><td>").append(escape(l.instrument())).append("</td>")
                .append(number(Long.toString(l.quantity()))).append(number(yuan(l.priceFen())))
                .append(number(yuan(l.valueFen()))).append(number(yuan(l.feeFen()))).append("<td>")
                .append(escape(l.mode())).append("</td><td>").append(l.executedAt().toInstant()).append("</td></tr>\n"));
        html.append("""
                </tbody></table>
                <h2>Net positions</h2>
                <table><thead><tr><th>Instrument</th><th>Net units (t)</th><th>Net cash (CNY)</th></tr></thead><tbody>
                """);
        s.net().forEach(n -> html.append("<tr><td>").append(escape(n.instrument())).append("</td>")
                .append(number(Long.toString(n.netUnits()))).append(number(yuan(n.netCashFen()))).append("</tr>\n"));
        return html.append("""
                </tbody></table>
                <p>Net cash of the day: <b>%s CNY</b>; fees: <b>%s CNY</b>.</p>
                </body></html>
                """.formatted(yuan(s.netCashFen()), yuan(s.feesFen()))).toString();
    }

    private static String number(String text) {
        return "<td class=\"n\">" + text + "</td>";
    }

    /** Fen as yuan with two decimals, exactly: integer arithmetic, no floating point. */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
