package dev.crosswalk.emulator.seed;

import java.util.Set;

/**
 * One generated Account of one org, before it is stored.
 *
 * @param ordinal      position among the org's accounts (0-based)
 * @param company      the company the account stands for
 * @param name         the account name as this org wrote it (legal name, brand, upper case…)
 * @param website      the messy Website value (null, "" or garbage for some)
 * @param websiteKinds bit set of {@link WebsiteMess} ordinals, see {@link #websiteMess()}
 * @param type         "Customer", "Prospect", "Partner" or null
 * @param phone        the company's phone, or null when this org has none
 * @param ownerSlot    which of the loader's owners owns it ({@code ownerSlot % owners.size()})
 */
public record SeedAccount(int ordinal, Company company, String name, String website, int websiteKinds, String type,
                          String phone, int ownerSlot) {

    /** True when the Website carries the company's domain in some form. */
    public boolean hasKey() {
        return (websiteKinds & WebsiteMess.NO_KEY_MASK) == 0;
    }

    public Set<WebsiteMess> websiteMess() {
        return WebsiteMess.decode(websiteKinds);
    }
}
