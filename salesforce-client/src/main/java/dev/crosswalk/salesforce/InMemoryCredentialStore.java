package dev.crosswalk.salesforce;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link CredentialStore} in memory: for tests, scripts and single-process tools. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final AtomicReference<Credentials> current;

    public InMemoryCredentialStore(Credentials initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public Credentials load() {
        return current.get();
    }

    @Override
    public boolean compareAndSet(String expectedAccessToken, Credentials replacement) {
        while (true) {
            Credentials now = current.get();
            if (!now.accessToken().equals(expectedAccessToken)) {
                return false;
            }
            if (current.compareAndSet(now, replacement)) {
                return true;
            }
        }
    }
}
