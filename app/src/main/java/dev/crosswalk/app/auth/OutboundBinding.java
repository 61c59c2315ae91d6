package dev.crosswalk.app.auth;

import java.util.UUID;

/**
 * What one authorization-server client is bound to: a Crosswalk organization, its Salesforce Custom
 * Objects integration (whose data source holds the records the package asks about) and one Salesforce org.
 */
record OutboundBinding(String registeredClientId, String clientId, UUID organizationId, UUID integrationId, UUID sourceIntegrationId,
        String salesforceOrgId) {

    /** Whether a Salesforce org id as the package sends it (15 or 18 characters) is this client's org. */
    boolean isSalesforceOrg(String orgId) {
        return orgId != null && orgId.length() >= 15 && salesforceOrgId.startsWith(orgId.substring(0, 15))
                && SalesforceIds.normalize(orgId).map(salesforceOrgId::equals).orElse(false);
    }
}
