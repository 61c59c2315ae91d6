package dev.crosswalk.salesforce;

import java.util.Objects;

/**
 * Where a user logs in and where the token endpoint lives: production ({@code login.salesforce.com}),
 * sandbox ({@code test.salesforce.com}), an org's My Domain, or (tests, demo) the emulator.
 * The URL must pass the {@link InstanceUrlPolicy} before a code or password is sent to it.
 */
public record LoginHost(String baseUrl) {

    public LoginHost {
        Objects.requireNonNull(baseUrl);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static LoginHost production() {
        return new LoginHost("https://login.salesforce.com");
    }

    public static LoginHost sandbox() {
        return new LoginHost("https://test.salesforce.com");
    }

    /**
     * An org's My Domain login host: either a full host ({@code acme.my.salesforce.com},
     * {@code acme--uat.sandbox.my.salesforce.com}) or only the My Domain name ({@code acme} →
     * {@code https://acme.my.salesforce.com}).
     */
    public static LoginHost myDomain(String hostOrName) {
        String h = hostOrName.trim();
        if (h.startsWith("https://")) {
            return new LoginHost(h);
        }
        return new LoginHost("https://" + (h.contains(".") ? h : h + ".my.salesforce.com"));
    }

    /** Any base URL, for instance the emulator's {@code http://127.0.0.1:PORT}. */
    public static LoginHost of(String baseUrl) {
        return new LoginHost(baseUrl);
    }
}
