package dev.crosswalk.app.connection;

import dev.crosswalk.salesforce.LoginHost;
import java.util.Locale;

/**
 * The login host an admin picked: {@code production}, {@code sandbox}, a My Domain
 * ({@code acme} or {@code acme.my.salesforce.com}) or a full URL (the emulator, when allowed).
 */
public final class LoginHosts {
    private LoginHosts() {
    }

    public static LoginHost parse(String choice) {
        if (choice == null || choice.isBlank()) {
            return LoginHost.production();
        }
        String c = choice.trim();
        return switch (c.toLowerCase(Locale.ROOT)) {
            case "production", "login.salesforce.com" -> LoginHost.production();
            case "sandbox", "test.salesforce.com" -> LoginHost.sandbox();
            default -> c.startsWith("http://") || c.startsWith("https://") ? LoginHost.of(c) : LoginHost.myDomain(c);
        };
    }
}
