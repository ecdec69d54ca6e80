package cn.carbonmarket.allocation.compliance;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A pilot exchange's daily closes of an allowance, from before the suite traded it: the publication they are taken
 * from and each day's close in fen. Every field is checked by the service, naming each bad one by its index.
 */
public record ExchangeClosesRequest(
        @Schema(examples = "Shenzhen Emissions Exchange daily market report") String source,
        List<Close> closes) {

    public record Close(@Schema(examples = "2025-01-02") String date, @Schema(examples = "4500") Long closeFen) {
    }
}
