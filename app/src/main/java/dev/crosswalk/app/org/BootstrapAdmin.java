package dev.crosswalk.app.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first organization and Admin from configuration
 * ({@code crosswalk.bootstrap.organization}, {@code .admin-email}, {@code .admin-password}) when
 * the database has none. Without that configuration, the one-time page {@code /setup} does it.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final OrganizationService organizations;
    private final String organization;
    private final String email;
    private final String password;

    BootstrapAdmin(OrganizationService organizations,
            @Value("${crosswalk.bootstrap.organization:}") String organization,
            @Value("${crosswalk.bootstrap.admin-email:}") String email,
            @Value("${crosswalk.bootstrap.admin-password:}") String password) {
        this.organizations = organizations;
        this.organization = organization;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.hasAnyOrganization()) {
            return;
        }
        if (!organization.isBlank() && !email.isBlank() && !password.isBlank()) {
            organizations.createOrganization(organization, email, email, password);
            LOG.info("Created organization '{}' with Admin {}", organization, email);
        } else {
            LOG.info("No organization yet: open /setup to create the first one and its Admin");
        }
    }
}
