package cn.carbonmarket.registry.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/parties. Organisations give a credit code, individuals a resident id. */
public record RegisterPartyRequest(
        @Schema(examples = "Wuhan Thermal Power Co., Ltd.") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "COMPLIANCE_ENTITY", description = "COMPLIANCE_ENTITY, INSTITUTION or INDIVIDUAL")
        @NotBlank @Size(max = 32) String type,
        @Schema(examples = "HB", description = "GB/T 2260 province code") @NotBlank @Size(max = 2) String region,
        @Schema(examples = "91420100714680123L", description = "unified social credit code (organisations)")
        @Size(max = 18) String creditCode,
        @Schema(description = "resident identity number (individuals)") @Size(max = 18) String residentId) {
}
