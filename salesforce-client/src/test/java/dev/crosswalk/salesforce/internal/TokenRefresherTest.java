package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.InMemoryCredentialStore;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRefresherTest {

    private static Credentials creds(String access, String refresh) {
        return new Credentials(access, refresh, "https://acme.my.salesforce.com", null, Instant.EPOCH, null);
    }

    @Test
    void eight_threads_with_the_same_stale_token_cause_exactly_one_refresh() throws Exception {
        InMemoryCredentialStore store = new InMemoryCredentialStore(creds("stale", "r1"));
        AtomicInteger calls = new AtomicInteger();
        TokenRefresher refresher = new TokenRefresher(store, c -> {
            calls.incrementAndGet();
            return creds("fresh", "r2"); // rotation
        });
        Credentials stale = store.load();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Credentials>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return refresher.refreshAfter(stale);
            }));
        }
        go.countDown();
        for (Future<Credentials> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("fresh");
        }
        pool.shutdown();
        assertThat(calls).hasValue(1);
        assertThat(store.load().refreshToken()).isEqualTo("r2");
    }

    @Test
    void no_refresh_when_the_store_already_holds_a_newer_token() {
        InMemoryCredentialStore store = new InMemoryCredentialStore(creds("newer", "r2"));
        TokenRefresher refresher = new TokenRefresher(store, c -> {
            throw new AssertionError("must not refresh");
        });
        assertThat(refresher.refreshAfter(creds("stale", "r1")).accessToken()).isEqualTo("newer");
    }

    @Test
    void a_failed_refresh_is_forgiven_when_another_node_won_the_race() {
        InMemoryCredentialStore store = new InMemoryCredentialStore(creds("stale", "r1"));
        TokenRefresher refresher = new TokenRefresher(store, c -> {
            // Another node refreshed (and rotated r1) just before our call reached Salesforce.
            store.compareAndSet("stale", creds("theirs", "r2"));
            throw new SalesforceException(new SalesforceError.AuthRevoked(400,
                    List.of(ApiError.of("invalid_grant", "expired access/refresh token"))));
        });
        assertThat(refresher.refreshAfter(creds("stale", "r1")).accessToken()).isEqualTo("theirs");
    }

    @Test
    void a_revoked_refresh_token_surfaces_as_auth_revoked() {
        InMemoryCredentialStore store = new InMemoryCredentialStore(creds("stale", "r1"));
        TokenRefresher refresher = new TokenRefresher(store, c -> {
            throw new SalesforceException(new SalesforceError.AuthRevoked(400,
                    List.of(ApiError.of("invalid_grant", "expired access/refresh token"))));
        });
        assertThatThrownBy(() -> refresher.refreshAfter(store.load()))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.error()).isInstanceOf(SalesforceError.AuthRevoked.class));
        assertThat(store.load().accessToken()).isEqualTo("stale");
    }
}
