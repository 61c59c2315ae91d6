package dev.crosswalk.app.push;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The export limit of one integration: the operator's {@code crosswalk.push.export-limit} (0 = none),
 * lowered by the Admin's own cap if one is set. An Admin can never raise it above the operator's.
 *
 * @param configured the operator's limit (0 = none)
 * @param own        the Admin's cap, or null
 * @param effective  what push enforces (0 = no limit)
 * @param term       MONTH or YEAR
 * @param termStart  the first day of the current term
 * @param used       unique records pushed this term
 */
public record ExportLimit(int configured, Integer own, int effective, String term, LocalDate termStart, int used) {

    static int effective(int configured, Optional<Integer> own) {
        if (own.isEmpty()) {
            return configured;
        }
        return configured > 0 ? Math.min(configured, own.get()) : own.get();
    }
}
