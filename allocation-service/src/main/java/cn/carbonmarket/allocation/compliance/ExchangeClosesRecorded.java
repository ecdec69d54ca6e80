package cn.carbonmarket.allocation.compliance;

import java.time.LocalDate;

/** What recording a pilot exchange's closes did: how many it received, how many were new or replaced, which days. */
public record ExchangeClosesRecorded(String instrument, String source, int received, int changed, LocalDate from,
                                     LocalDate to) {
}
