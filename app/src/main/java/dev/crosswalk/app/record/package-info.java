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
 * <li>{@code .example}, {@code .test} and other names outside the public suffix list give no key:
 *     test data must use real suffixes ({@code acme-test.com}).
 * </ul>
 */
package dev.crosswalk.app.record;
