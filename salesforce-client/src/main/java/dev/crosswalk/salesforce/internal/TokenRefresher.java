package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.CredentialStore;
import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.SalesforceException;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Refreshes a connection's access token at most once per stale token: single-flight (one lock
 * per connection, so eight threads that all saw the same expired token make one refresh call)
 * and compare-and-swap (after taking the lock, re-read the store; if the stored access token is
 * no longer the stale one, someone already refreshed: use theirs). Under refresh-token rotation
 * this is what keeps a second refresh from spending the already-rotated refresh token.
 */
public final class TokenRefresher {

    private final CredentialStore store;
    private final UnaryOperator<Credentials> refreshCall;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param refreshCall performs the refresh_token grant and returns the token response as credentials */
    public TokenRefresher(CredentialStore store, UnaryOperator<Credentials> refreshCall) {
        this.store = store;
        this.refreshCall = refreshCall;
    }

    public Credentials refreshAfter(Credentials stale) {
        lock.lock();
        try {
            Credentials current = store.load();
            if (!current.accessToken().equals(stale.accessToken())) {
                return current;
            }
            Credentials fresh;
            try {
                fresh = refreshCall.apply(current);
            } catch (SalesforceException e) {
                // Another process may have won the race and rotated the refresh token we just used.
                Credentials now = store.load();
                if (!now.accessToken().equals(stale.accessToken())) {
                    return now;
                }
                throw e;
            }
            Credentials merged = current.refreshedWith(fresh);
            if (store.compareAndSet(current.accessToken(), merged)) {
                return merged;
            }
            return store.load();
        } finally {
            lock.unlock();
        }
    }
}
