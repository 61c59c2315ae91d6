package dev.crosswalk.emulator.seed;

/**
 * One generated Lead of one org, before it is stored.
 *
 * @param company   the company the person works for (its domain is the lead's key when the email is a business one)
 * @param companyName the Lead's Company field as typed (brand or legal name)
 * @param email     business ({@code jane.doe@northwind-logistics.com}, IDNs in ASCII form), personal
 *                  ({@code …@gmail.com}) or null
 * @param ownerSlot which of the loader's owners owns it ({@code ownerSlot % owners.size()})
 */
public record SeedLead(int ordinal, Company company, String companyName, String firstName, String lastName, String email,
                       EmailKind emailKind, String title, String status, String leadSource, int ownerSlot) {

    /** What kind of email address a lead has; only business emails identify the company. */
    public enum EmailKind { BUSINESS, PERSONAL, NONE }

    public boolean hasKey() {
        return emailKind == EmailKind.BUSINESS;
    }

    /** The Lead's Name field: "First Last". */
    public String fullName() {
        return firstName + " " + lastName;
    }
}
