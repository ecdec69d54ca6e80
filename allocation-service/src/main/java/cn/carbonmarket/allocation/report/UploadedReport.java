package cn.carbonmarket.allocation.report;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entity's report of a year in an upload by its provincial authority or the regulator. */
public record UploadedReport(
        @Schema(examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf") String partyId,
        @Schema(examples = "CN-2025") String periodId,
        @Schema(examples = "2025") Integer year,
        List<UnitReport> units) {
}
