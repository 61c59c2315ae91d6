package dev.crosswalk.app.web;

import dev.crosswalk.app.partner.SharingLevel;
import java.util.List;

/** Sharing levels in the words of the pages, with what each means for the partner. */
final class SharingLevels {
    private SharingLevels() {
    }

    /** A level with its name and its meaning, for the radio buttons. */
    record Choice(String value, String word, String meaning) {
    }

    static final List<Choice> CHOICES = List.of(
            new Choice("HIDDEN", "Hidden", "The partner does not learn this population exists."),
            new Choice("COUNTS_ONLY", "Counts only", "The partner sees how many accounts overlap, never which ones."),
            new Choice("OVERLAPPING", "Overlapping accounts", "The partner sees the accounts you both have, with the fields you choose."),
            new Choice("ALL", "All accounts", "The partner also sees the accounts it does not have yet (greenfield), with the fields you choose."));

    /** HIDDEN → "Hidden", COUNTS_ONLY → "Counts only", … (the reports' access values too). */
    static String word(String level) {
        for (Choice c : CHOICES) {
            if (c.value().equals(level)) {
                return c.word();
            }
        }
        return Ui.Status.words(level == null ? "" : level);
    }

    static boolean sharesRows(SharingLevel level) {
        return level == SharingLevel.OVERLAPPING || level == SharingLevel.ALL;
    }
}
