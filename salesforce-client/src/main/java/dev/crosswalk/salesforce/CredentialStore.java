package dev.crosswalk.salesforce;

/**
 * Where one connection's tokens live; implemented by the caller (Crosswalk keeps them encrypted
 * in PostgreSQL). The client never caches tokens beyond one request: it loads them for every
 * request and writes them back only through {@link #compareAndSet}.
 */
public interface CredentialStore {

    /** The current tokens. */
    Credentials load();

    /**
     * Replace the stored credentials only if the stored access token is still
     * {@code expectedAccessToken} (the stale one the caller saw). Access and refresh token must be
     * written together, atomically (a rotated refresh token is useless without the access token it
     * came with and vice versa).
     *
     * @return false when someone else already replaced them (the caller then re-reads)
     */
    boolean compareAndSet(String expectedAccessToken, Credentials replacement);
}
