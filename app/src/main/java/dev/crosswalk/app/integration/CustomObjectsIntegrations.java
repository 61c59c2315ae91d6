package dev.crosswalk.app.integration;

import dev.crosswalk.app.connection.AuthorizationPurpose;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.connection.SalesforceProperties;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Salesforce Custom Objects integrations: created for an org that is already a data source of
 * the organization (overlap records point at that org's Account and Lead ids), with an Inbound
 * connection authorized by OAuth as the Salesforce integration user. Another org is refused.
 * The integration feature's public service for this kind; verification and pages live in
 * {@code customobjects}.
 */
@Service
public class CustomObjectsIntegrations {
    public static final String KIND = "SALESFORCE_CUSTOM_OBJECTS";
    static final int DEFAULT_FREQUENCY_HOURS = 12;

    private final CustomObjectsRepository repository;
    private final IntegrationRepository sources;
    private final ConnectionService connections;
    private final ApplicationEventPublisher events;
    private final SalesforceProperties properties;
    private final Clock clock;

    CustomObjectsIntegrations(CustomObjectsRepository repository, IntegrationRepository sources, ConnectionService connections,
            ApplicationEventPublisher events, SalesforceProperties properties, Clock clock) {
        this.properties = properties;
        this.repository = repository;
        this.sources = sources;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    public Optional<CustomObjectsIntegration> forSource(UUID organizationId, UUID sourceIntegrationId) {
        return repository.forSource(organizationId, sourceIntegrationId);
    }

    public Optional<CustomObjectsIntegration> find(UUID organizationId, UUID id) {
        return repository.find(organizationId, id);
    }

    public CustomObjectsIntegration require(UUID organizationId, UUID id) {
        return find(organizationId, id).orElseThrow(() -> CrosswalkException.notFound("Custom Objects integration"));
    }

    public List<CustomObjectsIntegration> list(UUID organizationId) {
        return repository.list(organizationId);
    }

    /** For background jobs (probes). */
    public List<CustomObjectsIntegration> all() {
        return repository.all();
    }

    public Optional<CustomObjectsIntegration> findForJob(UUID id) {
        return repository.findAnyOrganization(id);
    }

    /** The Inbound connection (Crosswalk → Salesforce as the integration user), once authorized. */
    public Optional<ConnectionView> inbound(UUID organizationId, UUID id) {
        return connections.inbound(organizationId, id);
    }

    /** The data-source integration a Custom Objects integration writes into, with its connection. */
    public record Source(Integration integration, ConnectionView connection) {
        public String salesforceOrgId() {
            return connection.salesforceOrgId();
        }
    }

    public Source source(UUID organizationId, UUID sourceIntegrationId) {
        Integration source = sources.find(organizationId, sourceIntegrationId).orElseThrow(() -> CrosswalkException.of(
                ErrorCode.NOT_FOUND, "sourceIntegrationId: no Salesforce data source " + sourceIntegrationId
                        + " in your organization (a Custom Objects integration writes into an org that is already a data source)"));
        ConnectionView c = connections.inbound(organizationId, source.id()).orElseThrow(() -> CrosswalkException.of(
                ErrorCode.CONFLICT, "sourceIntegrationId: the data source " + source.name() + " has no Salesforce connection"));
        return new Source(source, c);
    }

    /**
     * The data source connected to a Salesforce org (15- or 18-character id; the first 15
     * characters identify the org, case-sensitively), for the setup journey opened from Salesforce.
     */
    public Optional<Source> sourceForSalesforceOrg(UUID organizationId, String salesforceOrgId) {
        for (Integration i : sources.list(organizationId)) {
            Optional<ConnectionView> c = connections.inbound(organizationId, i.id());
            if (c.isPresent() && sameOrg(c.get().salesforceOrgId(), salesforceOrgId)) {
                return Optional.of(new Source(i, c.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the Inbound authorization (creating the integration or reauthorizing it): where to
     * send the admin's browser. {@code loginHost} defaults to the source connection's.
     */
    public URI beginAuthorize(MemberPrincipal me, UUID sourceIntegrationId, String loginHost, String redirectUri) {
        OrganizationService.requireAdmin(me);
        if (sourceIntegrationId == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "sourceIntegrationId is required: the Salesforce data"
                    + " source whose org receives the overlap records");
        }
        Source source = source(me.organizationId(), sourceIntegrationId);
        String host = loginHost == null || loginHost.isBlank() ? source.connection().loginHost() : loginHost;
        return connections.begin(new ConnectionService.AuthorizationStart(me.organizationId(), me.memberId(), host,
                source.integration().id(), false, null, redirectUri, AuthorizationPurpose.CUSTOM_OBJECTS));
    }

    /**
     * Integrations → Add → Salesforce Custom Objects: the integration exists (Setting up) before either
     * connection, so the Outbound connection has an OAuth client to sign in with; the setup journey
     * then walks both connections. Adding it again for the same data source returns the existing one.
     */
    @Transactional
    public CustomObjectsIntegration create(MemberPrincipal me, UUID sourceIntegrationId) {
        OrganizationService.requireAdmin(me);
        if (sourceIntegrationId == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "sourceIntegrationId is required: the Salesforce data"
                    + " source whose org receives the overlap records");
        }
        Source source = source(me.organizationId(), sourceIntegrationId);
        return repository.forSource(me.organizationId(), source.integration().id()).orElseGet(() -> insert(me, source));
    }

    private CustomObjectsIntegration insert(MemberPrincipal me, Source source) {
        Instant now = clock.instant();
        CustomObjectsIntegration created = new CustomObjectsIntegration(UUID.randomUUID(), me.organizationId(),
                source.integration().id(), "Salesforce Custom Objects — " + source.integration().name(), DEFAULT_FREQUENCY_HOURS,
                false, IntegrationStatus.CONNECTING, now, now, 0);
        repository.insert(created);
        return created;
    }

    /** {@link #beginAuthorize} back to the callback registered in the connected app (or this server's own). */
    public URI beginAuthorize(MemberPrincipal me, UUID sourceIntegrationId) {
        return beginAuthorize(me, sourceIntegrationId, null, IntegrationController.callbackUrl(properties));
    }

    /** The callback for a round trip started by {@link #beginAuthorize} (for callers holding state and code). */
    public CustomObjectsIntegration completeAuthorize(MemberPrincipal me, String state, String code, String error,
            String errorDescription) {
        OrganizationService.requireAdmin(me);
        return complete(me, connections.finish(me.organizationId(), me.memberId(), state, code, error, errorDescription));
    }

    /**
     * A finished Inbound sign-in: creates the integration and its Inbound connection, or replaces
     * the connection's tokens (and possibly its Salesforce user). A sign-in to another org than the
     * source's is refused and its tokens given back.
     */
    @Transactional
    public CustomObjectsIntegration complete(MemberPrincipal me, ConnectionService.Authorized a) {
        OrganizationService.requireAdmin(me);
        if (a.purpose() != AuthorizationPurpose.CUSTOM_OBJECTS) {
            throw new IllegalArgumentException("not a Custom Objects authorization: " + a.purpose());
        }
        Source source = source(me.organizationId(), a.integrationId());
        if (!sameOrg(source.salesforceOrgId(), a.identity().orgId())) {
            connections.discard(a);
            throw CrosswalkException.of(ErrorCode.SALESFORCE_ORG_MISMATCH, "You signed in to Salesforce org "
                    + a.identity().orgId() + " as " + a.identity().username() + ", but the Custom Objects integration writes"
                    + " into the org of the data source " + source.integration().name() + " (" + source.salesforceOrgId()
                    + "): overlap records point at that org's Accounts and Leads. Nothing was changed. Sign in to that org"
                    + " as its integration user.");
        }
        Optional<CustomObjectsIntegration> existing = repository.forSource(me.organizationId(), source.integration().id());
        if (existing.isEmpty()) {
            CustomObjectsIntegration created = insert(me, source);
            connections.store(created.id(), a, me.email());
            events.publishEvent(new CustomObjectsAuthorized(me.organizationId(), created.id(), true));
            return created;
        }
        CustomObjectsIntegration co = existing.get();
        Optional<ConnectionView> current = connections.inbound(me.organizationId(), co.id());
        if (current.isPresent()) {
            connections.replace(current.get().id(), co.id(), a, me.email());
        } else {
            connections.store(co.id(), a, me.email()); // the Inbound connection was disconnected: connect it again
        }
        events.publishEvent(new CustomObjectsAuthorized(me.organizationId(), co.id(), false));
        return co;
    }

    /** General Settings' frequency and pause (Admins only). */
    @Transactional
    public CustomObjectsIntegration updateSchedule(MemberPrincipal me, UUID id, Integer frequencyHours, Boolean paused) {
        OrganizationService.requireAdmin(me);
        CustomObjectsIntegration co = require(me.organizationId(), id);
        int frequency = frequencyHours == null ? co.frequencyHours() : frequencyHours;
        if (!IntegrationService.FREQUENCIES.contains(frequency)) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "frequencyHours must be one of 1, 3, 6, 12, 24");
        }
        boolean p = paused == null ? co.paused() : paused;
        if (repository.updateSchedule(me.organizationId(), id, co.version(), frequency, p, clock.instant()) != 1) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The settings changed meanwhile; reload and try again");
        }
        return require(me.organizationId(), id);
    }

    /** Disconnects the Inbound connection only (gives its approval back); the integration stays, in error until reauthorized. */
    @Transactional
    public void disconnectInbound(MemberPrincipal me, UUID id) {
        OrganizationService.requireAdmin(me);
        require(me.organizationId(), id);
        connections.inbound(me.organizationId(), id).ifPresent(c -> connections.remove(c.id()));
    }

    /** Removes the whole integration (its records in Salesforce stay; push owns removing them beforehand). */
    @Transactional
    public void delete(MemberPrincipal me, UUID id) {
        OrganizationService.requireAdmin(me);
        connections.inbound(me.organizationId(), id).ifPresent(c -> connections.remove(c.id()));
        if (repository.delete(me.organizationId(), id) != 1) {
            throw CrosswalkException.notFound("Custom Objects integration");
        }
    }

    /** The first 15 characters of a Salesforce id identify it (the 18-character form adds a checksum). */
    static boolean sameOrg(String a, String b) {
        return a != null && b != null && a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
    }

    /** A UUID field of a request body, or a problem naming the field. */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, field + " must be an integration id (a UUID)");
        }
    }
}
