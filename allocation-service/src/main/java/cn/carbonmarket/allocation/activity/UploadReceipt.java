package cn.carbonmarket.allocation.activity;

import java.time.Instant;
import java.util.UUID;

/** An accepted upload: the rows it recorded for the year, and the SHA-256 (hex) of its content. */
public record UploadReceipt(UUID uploadId, int year, String contentHash, int rows, boolean verified,
                            String uploadedBy, Instant uploadedAt) {
}
