package cn.carbonmarket.registry.migration;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A record that was not booked to its holder as read, where it stands in the upload and why. A set-aside row also
 * carries what the regulator needs to assign its units later; its identity code is kept in the database only,
 * because a resident id is personal data that the API never shows in full.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationIssue(RowOutcome outcome, String file, int line, String reason, String pilotAccount,
                             String holderName, String instrument, Long tonnes) {
}
