/**
 * Integrations: a kind ({@code SALESFORCE_DATA_SOURCE}, {@code SALESFORCE_CUSTOM_OBJECTS}) with its
 * settings (frequency, paused, objects and fields) and its connections; connecting, reauthorizing
 * and the OAuth callback; the field catalog from describe.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Every lookup is scoped by organization; {@code findForJob} is for background jobs only.
 * <li>{@link dev.crosswalk.app.integration.IntegrationConnected} is published inside the callback's
 *     transaction: listeners that start jobs must wait for the commit ({@code @TransactionalEventListener}).
 * <li>Object and field names reach SOQL only after describe confirmed them
 *     ({@link dev.crosswalk.app.integration.SyncSettings}).
 * <li>A Salesforce refusal while describing is an error answer (502 naming the cause), except an
 *     object the user cannot read, which simply offers no fields.
 * </ul>
 */
package dev.crosswalk.app.integration;
