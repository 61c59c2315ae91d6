/**
 * {@code --demo}: an embedded Salesforce emulator, seeded tenants connected through the real OAuth
 * round trip, and one {@code CROSSWALK_READY …} line once the first syncs are matched.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>The demo waits for {@code RunsMatched} (every after-sync stage done), not for the sync
 *     itself: before that, overlaps are empty.
 * <li>A restart with the same data directory reuses what exists; nothing may assume an empty database.
 * <li>The demo sign-in appears only on the ready line; logs never carry passwords or tokens.
 * </ul>
 */
package dev.crosswalk.app.demo;
