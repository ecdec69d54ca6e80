package cn.carbonmarket.registry.migration.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shenzhen: one UTF-8 JSON document, {@code {"registry": "SZ", "accounts": [{"accountNo", "holder": {"name", "type",
 * "idNo", ...}, "holdings": [{"product": "SZEA-2019", "qty": 1048562}]}]}}. Read with Jackson's streaming parser one
 * account at a time: JSON fields have no order, so an account's few holdings wait until its holder has been read.
 */
final class ShenzhenExportReader implements PilotExportReader {

    /** Thread-safe once built; the caller, not the parser, closes the upload's stream. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    /** An account's fields as read, and all of them but the holdings as compact JSON, for duplicates and reasons. */
    private static final class Account {
        private String number;
        private String name;
        private String type;
        private String identity;
        private final StringBuilder json = new StringBuilder("{");
        private final List<Holding> holdings = new ArrayList<>();
    }

    /** {@code number} is the quantity when the export wrote a JSON number, {@code quantity} its text either way. */
    private record Holding(int line, String product, String quantity, BigDecimal number, String json) {
    }

    @Override
    public Pilot pilot() {
        return Pilot.SZ;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "json");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        LineSink lines = new LineSink(fileName, sink);
        try (JsonParser json = JSON.createParser(in)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "the document", fileName);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "registry" -> requireShenzhen(fileName, json.getValueAsString());
                    case "accounts" -> accounts(json, lines);
                    default -> json.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new ExportFormatException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static void accounts(JsonParser json, LineSink lines) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY, "accounts", lines.file());
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_OBJECT, "each account", lines.file());
            emit(account(json, lines.file()), lines);
        }
    }

    private static Account account(JsonParser json, String file) throws IOException {
        Account account = new Account();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "holdings" -> holdings(json, account, file);
                case "holder" -> {
                    expect(json.currentToken(), JsonToken.START_OBJECT, "holder", file);
                    separate(account.json).append(quoted(field)).append(":{");
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String holderField = json.currentName();
                        json.nextToken();
                        String value = field(json, holderField, account.json);
                        switch (holderField) {
                            case "name" -> account.name = value;
                            case "type" -> account.type = value;
                            case "idNo" -> account.identity = value;
                            default -> { }
                        }
                    }
                    account.json.append('}');
                }
                default -> {
                    String value = field(json, field, account.json);
                    if (field.equals("accountNo")) {
                        account.number = value;
                    }
                }
            }
        }
        return account;
    }

    private static void holdings(JsonParser json, Account account, String file) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY, "holdings", file);
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_OBJECT, "each holding", file);
            int line = json.currentTokenLocation().getLineNr();
            StringBuilder holding = new StringBuilder("{");
            String product = null;
            String quantity = null;
            BigDecimal number = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("qty") && json.currentToken().isNumeric()) {
                    number = json.getDecimalValue();
                }
                String value = field(json, field, holding);
                switch (field) {
                    case "product" -> product = value;
                    case "qty" -> quantity = value;
                    default -> { }
                }
            }
            account.holdings.add(new Holding(line, product, quantity, number, holding.append('}').toString()));
        }
    }

    private static void emit(Account account, LineSink lines) {
        String accountJson = account.json.append('}').toString();
        for (Holding holding : account.holdings) {
            lines.accept(holding.line(), accountJson + holding.json(), () -> {
                long tonnes = holding.number() == null
                        ? QuantityFormat.TONNES.tonnes(holding.quantity())
                        : QuantityFormat.TONNES.tonnes(holding.number(), holding.quantity());
                return Holder.of(account.number, account.name, account.type, account.identity)
                        .holds(lines.file(), holding.line(), Instruments.parse(Pilot.SZ, holding.product()), tonnes);
            });
        }
    }

    /** Appends the current field as compact JSON; returns its text if a scalar, null if null or a structure. */
    private static String field(JsonParser json, String name, StringBuilder out) throws IOException {
        String scalar = json.currentToken().isScalarValue() ? json.getValueAsString() : null;
        separate(out).append(quoted(name)).append(':');
        value(out, json);
        return scalar;
    }

    private static void value(StringBuilder out, JsonParser json) throws IOException {
        switch (json.currentToken()) {
            case START_OBJECT -> {
                out.append('{');
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    field(json, name, out);
                }
                out.append('}');
            }
            case START_ARRAY -> {
                out.append('[');
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    value(separate(out), json);
                }
                out.append(']');
            }
            case VALUE_STRING -> out.append(quoted(json.getText()));
            default -> out.append(json.getText());
        }
    }

    /** A comma before every member but the first. */
    private static StringBuilder separate(StringBuilder out) {
        char last = out.charAt(out.length() - 1);
        return last == '{' || last == '[' ? out : out.append(',');
    }

    private static String quoted(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    private static void expect(JsonToken actual, JsonToken expected, String what, String file)
            throws ExportFormatException {
        if (actual != expected) {
            throw new ExportFormatException(file + ": " + what + " should be a JSON "
                    + (expected == JsonToken.START_ARRAY ? "array" : "object") + ", found " + actual);
        }
    }

    private static void requireShenzhen(String fileName, String registry) throws ExportFormatException {
        if (registry != null && !registry.equals(Pilot.SZ.name())) {
            throw new ExportFormatException(fileName + " is the export of registry '" + registry + "', not SZ");
        }
    }
}
