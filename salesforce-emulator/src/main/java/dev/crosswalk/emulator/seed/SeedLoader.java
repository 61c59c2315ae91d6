package dev.crosswalk.emulator.seed;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Writes an {@link OrgDataPlan}'s accounts and leads into an {@link Org} as ordinary records.
 *
 * <p>Built for benchmark sizes (millions of records): records are generated outside the org's
 * lock and stored in batches, so readers are blocked only briefly; every repeated value is a
 * shared instance (picklist values, countries, cities, owner ids, {@code Boolean.FALSE}, boxed
 * employee counts and revenues from small tables, one modstamp {@link Instant} per batch).
 *
 * <p>Audit fields: {@code CreatedDate} is spread evenly over the {@code createdSpan} before the
 * load started (so data looks like it grew over time); {@code LastModifiedDate} and
 * {@code SystemModstamp} come from {@link Org#nextModstamp()} once per batch, so they are later
 * than everything stored before the load and incremental readers see the seeded records as new.
 */
public final class SeedLoader {
    /** What was stored. */
    public record Result(int accounts, int leads) {
    }

    private final Duration createdSpan;
    private final int batchSize;

    public SeedLoader() {
        this(Duration.ofDays(730), 2_000);
    }

    public SeedLoader(Duration createdSpan, int batchSize) {
        if (createdSpan.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("createdSpan must be ≥ 0 and batchSize ≥ 1");
        }
        this.createdSpan = createdSpan;
        this.batchSize = batchSize;
    }

    /**
     * Loads every account and lead of {@code data} into {@code org}.
     *
     * @param ownerIds    user ids that own the records (record {@code ownerSlot % size})
     * @param createdById the user id written to CreatedById and LastModifiedById
     * @param tally       receives each generated record (to build a {@link SeedReport} in the same pass); may be null
     */
    /**
     * Makes an object's records look untouched since they were created, as most of a real org's
     * are: {@code SystemModstamp} and {@code LastModifiedDate} become {@code CreatedDate}. Without
     * it every seeded record carries the load's modstamp, and an incremental reader's overlap
     * window (minutes before its watermark) covers the whole seed.
     */
    public static void untouchedSinceCreated(Org org, String objectName) {
        org.writeRun(() -> {
            SObjectType t = org.type(objectName).orElseThrow();
            FieldDef created = t.require("CreatedDate");
            FieldDef modstamp = t.require("SystemModstamp");
            FieldDef modified = t.require("LastModifiedDate");
            for (Record r : org.store(t).all()) {
                Object at = r.get(created);
                r.set(modstamp, at);
                r.set(modified, at);
            }
        });
    }

    public Result load(Org org, OrgDataPlan data, List<String> ownerIds, String createdById, SeedReport.OrgTally tally) {
        Objects.requireNonNull(createdById, "createdById");
        if (ownerIds.isEmpty()) {
            throw new IllegalArgumentException("at least one owner id is needed");
        }
        String[] owners = ownerIds.toArray(String[]::new);
        Instant loadStart = org.nextModstamp();
        long spanMillis = createdSpan.toMillis();
        long createdFrom = loadStart.toEpochMilli() - spanMillis;

        AccountFields af = new AccountFields(org.store("Account").type());
        Record[] batch = new Record[batchSize];
        int n = data.accounts();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            Instant modstamp = org.nextModstamp();
            for (int k = start; k < end; k++) {
                SeedAccount a = data.account(k);
                if (tally != null) {
                    tally.account(a);
                }
                Instant created = Instant.ofEpochMilli(createdFrom + spanMillis * k / Math.max(1, n));
                batch[k - start] = af.record(org, a, owners[a.ownerSlot() % owners.length], createdById, created, modstamp);
            }
            store(org, org.store(af.type), batch, end - start);
        }

        LeadFields lf = new LeadFields(org.store("Lead").type());
        int m = data.leads();
        for (int start = 0; start < m; start += batchSize) {
            int end = Math.min(m, start + batchSize);
            Instant modstamp = org.nextModstamp();
            for (int j = start; j < end; j++) {
                SeedLead l = data.lead(j);
                if (tally != null) {
                    tally.lead(l);
                }
                Instant created = Instant.ofEpochMilli(createdFrom + spanMillis * j / Math.max(1, m));
                batch[j - start] = lf.record(org, l, owners[l.ownerSlot() % owners.length], createdById, created, modstamp);
            }
            store(org, org.store(lf.type), batch, end - start);
        }
        return new Result(n, m);
    }

    private static void store(Org org, RecordStore store, Record[] batch, int count) {
        org.writeRun(() -> {
            for (int i = 0; i < count; i++) {
                store.put(batch[i]);
                batch[i] = null;
            }
        });
    }

    /** The audit fields every object has, resolved once per load. */
    private static class Audit {
        final SObjectType type;
        final int width;
        final FieldDef id;
        final FieldDef isDeleted;
        final FieldDef createdDate;
        final FieldDef createdById;
        final FieldDef lastModifiedDate;
        final FieldDef lastModifiedById;
        final FieldDef systemModstamp;
        final FieldDef ownerId;

        Audit(SObjectType type) {
            this.type = type;
            this.width = type.fields().size();
            this.id = type.require("Id");
            this.isDeleted = type.require("IsDeleted");
            this.createdDate = type.require("CreatedDate");
            this.createdById = type.require("CreatedById");
            this.lastModifiedDate = type.require("LastModifiedDate");
            this.lastModifiedById = type.require("LastModifiedById");
            this.systemModstamp = type.require("SystemModstamp");
            this.ownerId = type.require("OwnerId");
        }

        Record newRecord(Org org, String owner, String createdBy, Instant created, Instant modstamp) {
            Record r = new Record(org.newId(type), width);
            r.set(id, r.id());
            r.set(isDeleted, Boolean.FALSE);
            r.set(ownerId, owner);
            r.set(createdDate, created);
            r.set(createdById, createdBy);
            r.set(lastModifiedDate, modstamp);
            r.set(lastModifiedById, createdBy);
            r.set(systemModstamp, modstamp);
            return r;
        }
    }

    private static final class AccountFields extends Audit {
        final FieldDef name = type.require("Name");
        final FieldDef accountType = type.require("Type");
        final FieldDef industry = type.require("Industry");
        final FieldDef website = type.require("Website");
        final FieldDef phone = type.require("Phone");
        final FieldDef city = type.require("BillingCity");
        final FieldDef state = type.require("BillingState");
        final FieldDef country = type.require("BillingCountry");
        final FieldDef employees = type.require("NumberOfEmployees");
        final FieldDef revenue = type.require("AnnualRevenue");

        AccountFields(SObjectType type) {
            super(type);
        }

        Record record(Org org, SeedAccount a, String owner, String createdBy, Instant created, Instant modstamp) {
            Record r = newRecord(org, owner, createdBy, created, modstamp);
            Company c = a.company();
            r.set(name, a.name());
            r.set(accountType, a.type());
            r.set(industry, c.industry());
            r.set(website, a.website());
            r.set(phone, a.phone());
            r.set(city, c.city());
            r.set(state, c.state());
            r.set(country, c.country());
            r.set(employees, c.employees());
            r.set(revenue, c.annualRevenue());
            return r;
        }
    }

    private static final class LeadFields extends Audit {
        final FieldDef firstName = type.require("FirstName");
        final FieldDef lastName = type.require("LastName");
        final FieldDef name = type.require("Name");
        final FieldDef company = type.require("Company");
        final FieldDef title = type.require("Title");
        final FieldDef email = type.require("Email");
        final FieldDef industry = type.require("Industry");
        final FieldDef leadSource = type.require("LeadSource");
        final FieldDef status = type.require("Status");
        final FieldDef city = type.require("City");
        final FieldDef state = type.require("State");
        final FieldDef country = type.require("Country");
        final FieldDef employees = type.require("NumberOfEmployees");
        final FieldDef isConverted = type.require("IsConverted");

        LeadFields(SObjectType type) {
            super(type);
        }

        Record record(Org org, SeedLead l, String owner, String createdBy, Instant created, Instant modstamp) {
            Record r = newRecord(org, owner, createdBy, created, modstamp);
            Company c = l.company();
            r.set(firstName, l.firstName());
            r.set(lastName, l.lastName());
            r.set(name, l.fullName());
            r.set(company, l.companyName());
            r.set(title, l.title());
            r.set(email, l.email());
            r.set(industry, c.industry());
            r.set(leadSource, l.leadSource());
            r.set(status, l.status());
            r.set(city, c.city());
            r.set(state, c.state());
            r.set(country, c.country());
            r.set(employees, c.employees());
            r.set(isConverted, Boolean.FALSE);
            return r;
        }
    }
}
