-- Catalog (products, variants, download files, restricted countries), the
-- key inventory, and orders whose lines are subscriptions.

CREATE TABLE products (
    id                  BLOB PRIMARY KEY NOT NULL,
    sku                 TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    family              TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('perpetual', 'subscription', 'reserved_instance')),
    term_months         INTEGER,
    has_keys            BOOLEAN NOT NULL,
    has_downloads       BOOLEAN NOT NULL,
    key_format          TEXT NOT NULL DEFAULT 'chars32' CHECK (key_format IN ('chars32', 'chars25')),
    unit_price_minor    INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    currency            TEXT NOT NULL,
    cancel_window_days  INTEGER NOT NULL DEFAULT 60,
    link_lifetime_days  INTEGER NOT NULL DEFAULT 14,
    link_download_cap   INTEGER NOT NULL DEFAULT 50,
    low_stock_at        INTEGER NOT NULL DEFAULT 20,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX products_family_name ON products (family, name);

CREATE TABLE product_restricted_countries (
    product_id  BLOB NOT NULL REFERENCES products(id),
    country     TEXT NOT NULL,
    PRIMARY KEY (product_id, country)
);

-- Absent attributes are '' rather than NULL so that uniqueness holds.
CREATE TABLE variants (
    id          BLOB PRIMARY KEY NOT NULL,
    product_id  BLOB NOT NULL REFERENCES products(id),
    version     TEXT NOT NULL,
    language    TEXT NOT NULL,
    bitness     TEXT NOT NULL DEFAULT '',
    file_type   TEXT NOT NULL DEFAULT '',
    os          TEXT NOT NULL DEFAULT '',
    UNIQUE (product_id, version, language, bitness, file_type, os)
);

CREATE TABLE download_files (
    id            BLOB PRIMARY KEY NOT NULL,
    variant_id    BLOB NOT NULL REFERENCES variants(id),
    file_name     TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    storage_name  TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (variant_id, file_name)
);

CREATE TABLE orders (
    id               BLOB PRIMARY KEY NOT NULL,
    customer_id      BLOB NOT NULL REFERENCES organisations(id),
    partner_id       BLOB NOT NULL REFERENCES organisations(id),
    placed_by        BLOB REFERENCES users(id),
    placed_at        TEXT NOT NULL,
    idempotency_key  BLOB NOT NULL UNIQUE,
    total_minor      INTEGER NOT NULL,
    currency         TEXT NOT NULL,
    status           TEXT NOT NULL
);
CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at DESC, id);

CREATE TABLE subscriptions (
    id                BLOB PRIMARY KEY NOT NULL,
    order_id          BLOB NOT NULL REFERENCES orders(id),
    line_no           INTEGER NOT NULL,
    customer_id       BLOB NOT NULL REFERENCES organisations(id),
    partner_id        BLOB NOT NULL REFERENCES organisations(id),
    product_id        BLOB NOT NULL REFERENCES products(id),
    quantity          INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price_minor  INTEGER NOT NULL,
    currency          TEXT NOT NULL,
    purchased_at      TEXT NOT NULL,
    cancel_until      TEXT NOT NULL,
    term_ends_at      TEXT,
    status            TEXT NOT NULL,
    UNIQUE (order_id, line_no)
);
CREATE INDEX subscriptions_customer_purchased ON subscriptions (customer_id, purchased_at DESC, id);

-- A key belongs to at most one subscription, ever: revoked keys keep theirs.
CREATE TABLE product_keys (
    id               BLOB PRIMARY KEY NOT NULL,
    product_id       BLOB NOT NULL REFERENCES products(id),
    key_ciphertext   BLOB NOT NULL,
    key_nonce        BLOB NOT NULL,
    key_fingerprint  TEXT NOT NULL UNIQUE,
    subscription_id  BLOB UNIQUE REFERENCES subscriptions(id),
    created_at       TEXT NOT NULL,
    revoked_at       TEXT
);
CREATE INDEX product_keys_free ON product_keys (product_id, subscription_id);
