package dev.crosswalk.emulator.seed;

/**
 * One generated company, the same wherever it appears (both orgs of an overlap see the same
 * company, each renders it in its own messy way).
 *
 * @param index      position in the generator's company sequence (the identity of the company)
 * @param name       legal name, e.g. "Blue Harbor Foods Ltd"
 * @param brand      name without the legal suffix, e.g. "Blue Harbor Foods"
 * @param domain     canonical registrable domain: lower case, Unicode for IDNs (e.g. {@code müller-bau.de}),
 *                   unique per company
 * @param employees  shared boxed instance (drawn from a small table, so millions of records share it)
 * @param annualRevenue shared boxed instance, like employees
 * @param state      state or province code, or null where the country has none in the data set
 * @param callingCode the country's international calling code, e.g. {@code +44}
 */
public record Company(
        long index,
        String name,
        String brand,
        String domain,
        String industry,
        Integer employees,
        Double annualRevenue,
        String country,
        String city,
        String state,
        String callingCode) {

    /** True for internationalized domain names (non-ASCII labels). */
    public boolean idn() {
        return !Punycode.isAscii(domain);
    }

    /** The domain in ASCII form: {@code xn--…} labels for IDNs, as email addresses carry it. */
    public String asciiDomain() {
        return idn() ? Punycode.toAscii(domain) : domain;
    }
}
