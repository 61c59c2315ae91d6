package dev.crosswalk.app.integration;

import dev.crosswalk.app.connection.AuthorizationPurpose;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import dev.crosswalk.app.system.Screens;
import dev.crosswalk.salesforce.FieldDescribe;
import dev.crosswalk.salesforce.SObjectDescribe;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Salesforce data-source integrations: connecting, settings, status. The integration feature's public service. */
@Service
public class IntegrationService {
    public static final String KIND = "SALESFORCE_DATA_SOURCE";
    static final Set<Integer> FREQUENCIES = Set.of(1, 3, 6, 12, 24);

    private final IntegrationRepository repository;
    private final ConnectionService connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntegrationService(IntegrationRepository repository, ConnectionService connections, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    /** The integration with its effective status (paused shows as Not Syncing) and its inbound connection. */
    public record Details(Integration integration, IntegrationStatus effectiveStatus, ConnectionView connection) {
    }

    public List<Details> list(MemberPrincipal me) {
        return repository.list(me.organizationId()).stream().map(this::details).toList();
    }

    public Details get(UUID organizationId, UUID id) {
        return details(find(organizationId, id));
    }

    public Integration find(UUID organizationId, UUID id) {
        return repository.find(organizationId, id).orElseThrow(() -> CrosswalkException.notFound("Integration"));
    }

    /** For background jobs. */
    public Optional<Integration> findForJob(UUID id) {
        return repository.findAnyOrganization(id);
    }

    public List<Integration> all() {
        return repository.all();
    }

    /** Step 1 of connecting (or reauthorizing): where to send the admin's browser. */
    public URI beginConnect(MemberPrincipal me, String loginHost, String name, UUID integrationId, boolean replaceOrg,
            String redirectUri) {
        OrganizationService.requireAdmin(me);
        if (integrationId != null) {
            find(me.organizationId(), integrationId);
        }
        return connections.begin(new ConnectionService.AuthorizationStart(me.organizationId(), me.memberId(), loginHost,
                integrationId, replaceOrg, name, redirectUri));
    }

    /** Step 2: the callback. Creates the integration (first connection) or updates its connection. */
    @Transactional
    public Integration completeConnect(MemberPrincipal me, String state, String code, String error, String errorDescription) {
        OrganizationService.requireAdmin(me);
        return complete(me, connections.finish(me.organizationId(), me.memberId(), state, code, error, errorDescription));
    }

    /** A finished data-source sign-in: creates the integration (first connection) or updates its connection. */
    @Transactional
    public Integration complete(MemberPrincipal me, ConnectionService.Authorized a) {
        OrganizationService.requireAdmin(me);
        if (a.purpose() != AuthorizationPurpose.DATA_SOURCE) {
            throw new IllegalArgumentException("not a data-source authorization: " + a.purpose());
        }
        Instant now = clock.instant();
        repository.lockOrganization(me.organizationId());
        if (a.integrationId() == null) {
            refuseSecondDataSource(me.organizationId(), a, null);
            String name = a.name() == null || a.name().isBlank() ? "Salesforce (" + a.identity().username() + ")" : a.name();
            Integration i = new Integration(UUID.randomUUID(), me.organizationId(), KIND, name, 12, false, SyncSettings.defaults(),
                    IntegrationStatus.FIRST_SYNC_IN_PROGRESS, now, now, 0);
            repository.insert(i);
            connections.store(i.id(), a, me.email());
            events.publishEvent(new IntegrationConnected(me.organizationId(), i.id(), true));
            return i;
        }
        Integration existing = find(me.organizationId(), a.integrationId());
        if (KIND.equals(existing.kind())) {
            refuseSecondDataSource(me.organizationId(), a, existing.id());
        }
        ConnectionView current = connections.inbound(me.organizationId(), existing.id())
                .orElseThrow(() -> CrosswalkException.notFound("Connection"));
        if (!current.salesforceOrgId().equals(a.identity().orgId()) && !a.replaceOrg()) {
            connections.discard(a);
            throw CrosswalkException.of(ErrorCode.SALESFORCE_ORG_MISMATCH, "You signed in to Salesforce org "
                    + a.identity().orgId() + " as " + a.identity().username() + ", but this integration syncs org "
                    + current.salesforceOrgId() + ". Nothing was changed. Sign in to the right org, or choose"
                    + " 'replace the Salesforce org' to switch on purpose.");
        }
        connections.replace(current.id(), existing.id(), a, me.email());
        events.publishEvent(new IntegrationConnected(me.organizationId(), existing.id(), false));
        return existing;
    }

    /**
     * One Salesforce org feeds one data source per organization: a second would count every record
     * twice. The caller holds the organization's lock, so two simultaneous callbacks cannot both pass.
     */
    private void refuseSecondDataSource(UUID organizationId, ConnectionService.Authorized a, UUID except) {
        repository.dataSourceOfSalesforceOrg(organizationId, a.identity().orgId(), except).ifPresent(existing -> {
            connections.discard(a);
            throw CrosswalkException.of(ErrorCode.SALESFORCE_ORG_ALREADY_CONNECTED, "Salesforce org " + a.identity().orgId()
                    + " is already connected as the integration '" + existing.name() + "'. Nothing was added. To sign in"
                    + " again or as another user, reauthorize that integration: "
                    + Screens.INTEGRATION_ADVANCED_SETTINGS.trail(existing.name()) + " → ⋯ Actions → Update.")
                    .about(existing.id(), existing.name());
        });
    }

    public record SettingsChange(Integer frequencyHours, Boolean paused, Map<String, List<String>> objects, String preset) {
    }

    /** Changes frequency, pause and field selection; objects and fields are checked against Salesforce's describe. */
    @Transactional
    public Details updateSettings(MemberPrincipal me, UUID id, SettingsChange change) {
        OrganizationService.requireAdmin(me);
        Integration i = find(me.organizationId(), id);
        int frequency = change.frequencyHours() == null ? i.frequencyHours() : change.frequencyHours();
        if (!FREQUENCIES.contains(frequency)) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "frequencyHours must be one of 1, 3, 6, 12, 24");
        }
        boolean paused = change.paused() == null ? i.paused() : change.paused();
        SyncSettings settings = i.settings();
        if (change.preset() != null) {
            List<String> objects = change.objects() == null ? new ArrayList<>(settings.objects().keySet())
                    : new ArrayList<>(change.objects().keySet());
            settings = SyncSettings.preset(change.preset(), objects);
        } else if (change.objects() != null) {
            settings = validated(me.organizationId(), id, change.objects());
        }
        if (repository.updateSettings(me.organizationId(), id, i.version(), frequency, paused, settings, clock.instant()) != 1) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The settings changed meanwhile; reload and try again");
        }
        return get(me.organizationId(), id);
    }

    /** The fields an admin can pick per object, from Salesforce's describe (already filtered by the user's access). */
    public Map<String, List<String>> fieldCatalog(MemberPrincipal me, UUID id) {
        find(me.organizationId(), id);
        ConnectionView c = connections.inbound(me.organizationId(), id).orElseThrow(() -> CrosswalkException.notFound("Connection"));
        SalesforceConnection sf = connections.open(c.id());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String object : SyncSettings.SYNCABLE_OBJECTS) {
            try {
                SObjectDescribe d = sf.rest().describe(object);
                out.put(object, d.fields().stream().map(FieldDescribe::name).toList());
            } catch (SalesforceException e) {
                if (!unreadableObject(e.error())) {
                    // An expired token or Salesforce being down is not "this object has no fields": say so.
                    throw CrosswalkException.of(ErrorCode.SALESFORCE_ERROR, "Salesforce refused describing " + object + " ("
                            + e.error().message() + "); check the integration's health for the cause and the fix");
                }
                out.put(object, List.of()); // the integration user cannot read it: nothing to pick
            }
        }
        return out;
    }

    /** The user cannot see the object (no permission, or the org does not have it). */
    private static boolean unreadableObject(SalesforceError error) {
        return error instanceof SalesforceError.InsufficientAccess || error instanceof SalesforceError.NotFound
                || (error instanceof SalesforceError.InvalidRequest r && r.hasCode("INVALID_TYPE"));
    }

    @Transactional
    public void disconnect(MemberPrincipal me, UUID id) {
        OrganizationService.requireAdmin(me);
        if (repository.delete(me.organizationId(), id) != 1) {
            throw CrosswalkException.notFound("Integration");
        }
    }

    public void updateStatus(UUID id, IntegrationStatus status) {
        repository.updateStatus(id, status, clock.instant());
    }

    private SyncSettings validated(UUID organizationId, UUID id, Map<String, List<String>> objects) {
        List<String> unknownObjects = objects.keySet().stream().filter(o -> !SyncSettings.SYNCABLE_OBJECTS.contains(o)).toList();
        if (!unknownObjects.isEmpty()) {
            throw CrosswalkException.of(ErrorCode.INVALID_FIELD_SELECTION, "Objects that cannot be synced: " + unknownObjects
                    + " (choose from " + SyncSettings.SYNCABLE_OBJECTS + ")");
        }
        ConnectionView c = connections.inbound(organizationId, id).orElseThrow(() -> CrosswalkException.notFound("Connection"));
        SalesforceConnection sf = connections.open(c.id());
        List<String> problems = new ArrayList<>();
        for (var e : objects.entrySet()) {
            Set<String> available;
            try {
                available = sf.rest().describe(e.getKey()).fields().stream().map(FieldDescribe::name).collect(Collectors.toSet());
            } catch (SalesforceException ex) {
                problems.add(e.getKey() + " (not readable in Salesforce: " + ex.getMessage() + ")");
                continue;
            }
            e.getValue().stream().filter(f -> !available.contains(f)).forEach(f -> problems.add(e.getKey() + "." + f));
        }
        if (!problems.isEmpty()) {
            throw CrosswalkException.of(ErrorCode.INVALID_FIELD_SELECTION, "Unknown or unreadable in Salesforce: " + problems);
        }
        return new SyncSettings(objects);
    }

    private Details details(Integration i) {
        IntegrationStatus effective = i.paused() ? IntegrationStatus.NOT_SYNCING : i.status();
        return new Details(i, effective, connections.inbound(i.organizationId(), i.id()).orElse(null));
    }
}
