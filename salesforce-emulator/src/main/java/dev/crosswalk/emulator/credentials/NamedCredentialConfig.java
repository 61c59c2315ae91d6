package dev.crosswalk.emulator.credentials;

import dev.crosswalk.emulator.metadata.AuthProviderSecrets;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.List;
import java.util.Optional;

/**
 * What a callout to {@code callout:<name>} resolves to in an org: the Named Credential's URL, its
 * External Credential with the principal, and the Auth. Provider with the consumer key and secret.
 * Read from the setup records a deploy created (and the admin API updated).
 */
public record NamedCredentialConfig(String name, String url, String externalCredential, String principal,
        String principalId, AuthProvider authProvider) {

    /** The OAuth client Salesforce is at the external authorization server. */
    public record AuthProvider(String name, String authorizeUrl, String tokenUrl, String clientId, String clientSecret,
            String scopes, boolean pkce, boolean credentialsInHeader) {
    }

    public String principalKey() {
        return OutboundTokens.key(externalCredential, principal);
    }

    public static Optional<NamedCredentialConfig> of(Org org, String namedCredential) {
        return org.read(() -> {
            Optional<Record> nc = find(org, "NamedCredential", "DeveloperName", namedCredential);
            if (nc.isEmpty()) {
                return Optional.empty();
            }
            SObjectType nct = org.type("NamedCredential").orElseThrow();
            String ecId = (String) nc.get().get(nct.require("ExternalCredentialId"));
            Optional<Record> ec = ecId == null ? Optional.empty() : org.findRecord(ecId);
            if (ec.isEmpty()) {
                return Optional.empty();
            }
            SObjectType ect = org.type("ExternalCredential").orElseThrow();
            String ecName = (String) ec.get().get(ect.require("DeveloperName"));
            Optional<Record> principal = principals(org, ec.get().id()).stream().findFirst();
            if (principal.isEmpty()) {
                return Optional.empty();
            }
            SObjectType pt = org.type("ExternalCredentialParameter").orElseThrow();
            String providerId = (String) ec.get().get(ect.require("AuthProviderId"));
            AuthProvider provider = providerId == null ? null : org.findRecord(providerId).map(r -> authProvider(org, r)).orElse(null);
            return Optional.of(new NamedCredentialConfig((String) nc.get().get(nct.require("DeveloperName")),
                    (String) nc.get().get(nct.require("Endpoint")), ecName, (String) principal.get().get(pt.require("ParameterName")),
                    principal.get().id(), provider));
        });
    }

    /** The configuration behind External Credential {@code ec} (the Named Credential that uses it). */
    public static Optional<NamedCredentialConfig> forExternalCredential(Org org, String ec) {
        return org.read(() -> {
            Optional<Record> credential = find(org, "ExternalCredential", "DeveloperName", ec);
            if (credential.isEmpty() || org.type("NamedCredential").isEmpty()) {
                return Optional.<String>empty();
            }
            SObjectType nct = org.type("NamedCredential").orElseThrow();
            return org.store(nct).all().stream()
                    .filter(r -> credential.get().id().equals(r.get(nct.require("ExternalCredentialId"))))
                    .map(r -> (String) r.get(nct.require("DeveloperName"))).findFirst();
        }).flatMap(nc -> of(org, nc));
    }

    private static AuthProvider authProvider(Org org, Record r) {
        SObjectType t = org.type("AuthProvider").orElseThrow();
        String name = (String) r.get(t.require("DeveloperName"));
        return new AuthProvider(name, (String) r.get(t.require("AuthorizeUrl")), (String) r.get(t.require("TokenUrl")),
                (String) r.get(t.require("ConsumerKey")), AuthProviderSecrets.of(org).get(name).orElse(null),
                (String) r.get(t.require("DefaultScopes")), Boolean.TRUE.equals(r.get(t.require("IsPkceEnabled"))),
                Boolean.TRUE.equals(r.get(t.require("SendClientCredentialsInHeader"))));
    }

    private static List<Record> principals(Org org, String ecId) {
        if (org.type("ExternalCredentialParameter").isEmpty()) {
            return List.of();
        }
        SObjectType pt = org.type("ExternalCredentialParameter").orElseThrow();
        return org.store(pt).all().stream().filter(r -> ecId.equals(r.get(pt.require("ExternalCredentialId")))).toList();
    }

    static Optional<Record> find(Org org, String type, String keyField, String key) {
        return PackageInstaller.find(org, type, keyField, key);
    }
}
