package dev.crosswalk.app.connection;

import dev.crosswalk.salesforce.CredentialStore;
import dev.crosswalk.salesforce.Credentials;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Salesforce client's view of one connection's tokens. Compare-and-swap runs in its own
 * transaction around a row lock, so refreshes are safe across threads and nodes even under
 * refresh-token rotation; a rotated refresh token is stored together with its access token.
 */
final class DbCredentialStore implements CredentialStore {
    private final UUID connectionId;
    private final ConnectionRepository repository;
    private final TransactionTemplate tx;

    DbCredentialStore(UUID connectionId, ConnectionRepository repository, TransactionTemplate tx) {
        this.connectionId = connectionId;
        this.repository = repository;
        this.tx = tx;
    }

    @Override
    public Credentials load() {
        return repository.load(connectionId);
    }

    @Override
    public boolean compareAndSet(String expectedAccessToken, Credentials replacement) {
        return Boolean.TRUE.equals(tx.execute(s -> repository.compareAndSet(connectionId, expectedAccessToken, replacement)));
    }
}
