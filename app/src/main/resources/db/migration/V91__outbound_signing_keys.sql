-- The authorization server's JWT signing keys. Every node and every restart signs and verifies
-- with the same keys, so they live here; the private JWK is an AES-GCM ciphertext (system.SecretCipher)
-- bound to its key id. Retired keys stay listed (verification) until the tokens they signed expired.
create table outbound_signing_key (
    kid             text primary key,
    private_jwk_enc bytea not null,
    created_at      timestamptz not null,
    retired_at      timestamptz
);
create unique index outbound_signing_key_one_active on outbound_signing_key ((retired_at is null)) where retired_at is null;
