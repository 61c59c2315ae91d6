/**
 * The stored CRM records' match keys.
 *
 * <ul>
 * <li>{@link dev.crosswalk.app.record.MatchKeys} (pure Java): registrable domain of a website or
 *     email ({@code topPrivateDomain}: private suffixes such as github.io keep each tenant apart),
 *     normalized company name (weak evidence), {@link dev.crosswalk.app.record.MatchDecision}.
 *     Lists: {@code resources/matching/personal-email-domains.txt},
 *     {@code resources/matching/platform-domains.txt}. Corpus: {@code test/resources/matching/corpus.csv}.
 * <li>{@link dev.crosswalk.app.record.RecordKeyService}: table {@code record_key}, computed after
 *     each sync by the after-sync stage {@code match-keys} ({@code MatchKeysStage}); key statistics.
 * <li>{@link dev.crosswalk.app.record.MatchableObjects}: which objects are keyed and matched (the
 *     one list; SQL binds it as a parameter).
 * <li>{@link dev.crosswalk.app.record.OrganizationDomainService}: domains a tenant owns.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Join overlaps on {@code record_key.domain}, never on {@code crm_record.fields->>'Website'}.
 * <li>{@code name_key} is weak: use it only where one side has no domain and the partnership
 *     turned name matching on; equal names never override differing domains.
 * <li>Deleted records keep a key row with null keys: don't filter on {@code crm_record.is_deleted}
 *     separately, a null domain already excludes them.
 * <li>Changing a list or rule changes keys: bump {@code MatchKeys.RULES_VERSION} so stored keys
 *     are recomputed, and add the cases to the corpus.
 * <li>Never write the object list ({@code 'Account', 'Lead'}) into SQL: bind
 *     {@code MatchableObjects.MATCHED} / {@code KEYED} as an array ({@code object = any(:matched)}).
 * <li>Never join {@code record_key} into the page query of a key pass as a plain join: right after a
 *     first sync it has no statistics, and a planner that thinks it empty materializes it and
 *     rescans it for every record of every page (quadratic: 47 s for 200,000 records). The pass
 *     probes it per record ({@code not exists … offset 0}), and only where records can be skipped.
 * <li>{@code record_key} has no foreign key to {@code crm_record} (V140: its per-row check locked
 *     every synced row); a statement trigger removes keys with their records. Same for
 *     {@code population_member} and its population (V142, a row trigger on population).
 * <li>{@code CompanyNames}, {@code DomainKeys} and {@code Idna} take fast paths (plain ASCII without
 *     regular expressions, hosts that need no IDN): a key pass keys a million records. A fast path must
 *     give exactly what the general code gives: {@code MatchKeysFastPathTest} compares them on the
 *     corpus, the demo seed and random messy values ({@code CompanyNames} and {@code Idna} against
 *     their own general paths; {@code DomainKeys} and {@code DomainList}, whose fast paths are woven
 *     through, against their code as it was, the {@code Reference*} test classes). A website or e-mail
 *     rule change goes into both (and {@code RULES_VERSION}).
 * <li>{@code .example}, {@code .test} and other names outside the public suffix list give no key:
 *     test data must use real suffixes ({@code acme-test.com}).
 * </ul>
 */
package dev.crosswalk.app.record;
