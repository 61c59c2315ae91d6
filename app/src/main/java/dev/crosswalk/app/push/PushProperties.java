package dev.crosswalk.app.push;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crosswalk.push.*}.
 *
 * @param bulkThreshold  changed rows from which a Bulk API 2.0 job is used instead of sObject Collections (measured, bench/README.md P4)
 * @param bulkTimeout    how long a push waits for its Bulk job
 * @param reconfirmAfter an unchanged record's Last_Confirmed__c is refreshed after this long
 * @param exportLimit    unique Ecosystem_Overlap__c records pushed per term; 0 = no limit
 * @param exportTerm     MONTH or YEAR (calendar, UTC)
 */
@ConfigurationProperties("crosswalk.push")
record PushProperties(@DefaultValue("1000") int bulkThreshold, @DefaultValue("PT30M") Duration bulkTimeout,
        @DefaultValue("P7D") Duration reconfirmAfter, @DefaultValue("0") int exportLimit, @DefaultValue("MONTH") String exportTerm) {

    PushProperties {
        if (bulkThreshold < 1) {
            throw new IllegalArgumentException("crosswalk.push.bulk-threshold must be at least 1");
        }
        if (exportLimit < 0) {
            throw new IllegalArgumentException("crosswalk.push.export-limit must be 0 (no limit) or more");
        }
        if (!exportTerm.equals("MONTH") && !exportTerm.equals("YEAR")) {
            throw new IllegalArgumentException("crosswalk.push.export-term must be MONTH or YEAR, was " + exportTerm);
        }
    }

    LocalDate termStart(Instant now) {
        LocalDate d = now.atZone(ZoneOffset.UTC).toLocalDate();
        return exportTerm.equals("YEAR") ? d.withDayOfYear(1) : d.withDayOfMonth(1);
    }
}
