package cn.carbonmarket.allocation.compliance;

/** A compliance table as CSV, one line per entity, for publication. */
final class ComplianceCsv {

    static final String HEADER = "party_id,name,region,obligation_tonnes,surrendered_tonnes,allowance_tonnes,"
            + "borrowed_tonnes,offset_tonnes,status,missing_tonnes\n";

    static final String MEDIA_TYPE = "text/csv";

    private ComplianceCsv() {
    }

    /** Whether the caller asked for CSV: {@code ?format=csv}, or {@code Accept: text/csv}. */
    static boolean wanted(String format, String accept) {
        return "csv".equals(format) || (accept != null && accept.contains(MEDIA_TYPE));
    }

    static String render(ComplianceTable table) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Standing s : table.entities()) {
            csv.append(s.partyId()).append(',').append(quoted(s.name())).append(',').append(s.region()).append(',')
                    .append(s.obligationTonnes()).append(',').append(s.surrenderedTonnes()).append(',')
                    .append(s.allowanceTonnes()).append(',').append(s.borrowedTonnes()).append(',')
                    .append(s.offsetTonnes()).append(',').append(s.status()).append(',').append(s.missingTonnes())
                    .append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String quoted(String field) {
        return field.matches("[^,\"\r\n]*") ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
