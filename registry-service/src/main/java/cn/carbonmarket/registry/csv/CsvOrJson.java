package cn.carbonmarket.registry.csv;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** A report answered as JSON, or as a CSV download when asked with {@code ?format=csv} or {@code Accept: text/csv}. */
public final class CsvOrJson {

    public static final String CSV = "text/csv";

    private CsvOrJson() {
    }

    public static <T> Response answer(T report, String format, String accept, String fileName,
                                      Function<T, CsvTable> csv) {
        boolean asCsv = "csv".equals(format) || (accept != null && accept.contains(CSV));
        return asCsv ? Response.ok(csv.apply(report).render(), CSV)
                        .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
