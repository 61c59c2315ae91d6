package dev.crosswalk.app;

import dev.crosswalk.app.demo.EmulatorBrowser;
import java.net.URI;

/**
 * Signs in to the emulator's OAuth login form over plain HTTP, the way a browser would, and
 * returns where Salesforce sends the browser back (the service's callback URL with code and
 * state). The same browser stand-in the demo uses, so tests and demo drive one code path.
 */
public final class EmulatorLogin {
    private EmulatorLogin() {
    }

    public static URI signIn(URI authorizeUrl, String username, String password) {
        return new EmulatorBrowser().signIn(authorizeUrl, username, password);
    }
}
