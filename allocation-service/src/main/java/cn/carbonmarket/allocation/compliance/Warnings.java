package cn.carbonmarket.allocation.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * The entities below 95% of their obligation while the warning window before the 95% deadline is open
 * ({@code open}); none outside it.
 */
public record Warnings(String periodId, LocalDate asOf, LocalDate deadline95, LocalDate windowOpens, boolean open,
                       List<Standing> entities) {
}
