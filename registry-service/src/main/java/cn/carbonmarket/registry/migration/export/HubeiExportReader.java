package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hubei: UTF-8 XML, {@code <registry pilot="HB">} with one {@code <account>} element per pilot account (holder in
 * attributes, lower-case types such as "entity") and one {@code <holding product vintage quantity/>} per instrument.
 * Each holding is one record; an account without holdings yields none.
 */
final class HubeiExportReader implements PilotExportReader {

    /** The account a holding belongs to: its attributes, and its start tag as text for duplicates and reasons. */
    private record Account(String number, String name, String type, String identity, String tag) {
    }

    @Override
    public Pilot pilot() {
        return Pilot.HB;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "xml");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        LineSink lines = new LineSink(fileName, sink);
        try {
            XMLStreamReader xml = SafeXml.reader(in);
            Account account = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "registry" -> requireHubei(fileName, xml.getAttributeValue(null, "pilot"));
                        case "account" -> account = new Account(xml.getAttributeValue(null, "id"),
                                xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "type"),
                                xml.getAttributeValue(null, "idNo"), startTag(xml));
                        case "holding" -> holding(xml, account, lines);
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("account")) {
                    account = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new ExportFormatException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static void holding(XMLStreamReader xml, Account account, LineSink lines) throws ExportFormatException {
        int line = xml.getLocation().getLineNumber();
        if (account == null) {
            throw new ExportFormatException(lines.file() + ": line " + line + ": a holding outside an account");
        }
        String product = xml.getAttributeValue(null, "product");
        String vintage = xml.getAttributeValue(null, "vintage");
        String quantity = xml.getAttributeValue(null, "quantity");
        lines.accept(line, account.tag() + startTag(xml), () -> {
            Holder holder = Holder.of(account.number(), account.name(), account.type(), account.identity());
            return holder.holds(lines.file(), line, Instruments.of(Pilot.HB, product, vintage),
                    QuantityFormat.TONNES.tonnes(quantity));
        });
    }

    private static void requireHubei(String fileName, String pilot) throws ExportFormatException {
        if (pilot != null && !pilot.equals(Pilot.HB.name())) {
            throw new ExportFormatException(fileName + " is the export of pilot '" + pilot + "', not HB");
        }
    }

    /** The element's start tag with all its attributes, escaped, so that equal tags mean equal records. */
    private static String startTag(XMLStreamReader xml) {
        StringBuilder tag = new StringBuilder("<").append(xml.getLocalName());
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            tag.append(' ').append(xml.getAttributeLocalName(i)).append("=\"");
            for (char c : xml.getAttributeValue(i).toCharArray()) {
                switch (c) {
                    case '&' -> tag.append("&amp;");
                    case '<' -> tag.append("&lt;");
                    case '"' -> tag.append("&quot;");
                    default -> tag.append(c);
                }
            }
            tag.append('"');
        }
        return tag.append('>').toString();
    }
}
