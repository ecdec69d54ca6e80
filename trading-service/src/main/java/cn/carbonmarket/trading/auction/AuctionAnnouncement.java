package cn.carbonmarket.trading.auction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An auction as the operator announces it. */
public record AuctionAnnouncement(
        @Schema(description = "the selling party's id", examples = "83dabb3c-a463-3f3e-b9fd-002e55c704cf")
        @NotBlank @Size(max = 36) String seller,
        @Schema(examples = "CEA-2025") @NotBlank @Size(max = 16) String instrument,
        @Schema(description = "whole tonnes on offer", examples = "200000") @NotNull @Positive Long quantity,
        @Schema(description = "the lowest acceptable price, fen per tonne", examples = "9500") @NotNull @Positive
        Long reservePriceFen,
        @Schema(description = "bids are taken from here", examples = "2026-11-25T02:00:00Z") @NotNull
        Instant opensAt,
        @Schema(description = "up to, not including, here", examples = "2026-11-25T06:00:00Z") @NotNull
        Instant closesAt) {
}
