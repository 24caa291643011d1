/**
 * The TLS directives every generated HTTPS server carries, with their arguments: one table for the
 * renderer that writes them and for the importer that recognises them as the design's own.
 */

/**
 * Mozilla's "intermediate" recommendation: TLS 1.2 and 1.3 only, forward-secret AEAD ciphers. The
 * DHE suites of that list are left out: they need a dhparam file, and every client that supports TLS 1.2
 * has ECDHE.
 */
const TLS_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

export const TLS_DIRECTIVES = {
  ssl_protocols: ['TLSv1.2', 'TLSv1.3'],
  ssl_ciphers: [TLS_CIPHERS],
  ssl_ecdh_curve: ['X25519:prime256v1:secp384r1'],
  ssl_prefer_server_ciphers: ['on'],
  ssl_conf_command: ['Options', 'PrioritizeChaCha'],
  ssl_session_cache: ['shared:TLS:10m'],
  ssl_session_timeout: ['1d'],
  ssl_session_tickets: ['off'],
} as const satisfies Record<string, readonly string[]>;

/** OCSP stapling, written for the user's own certificate files under Compose (Docker's DNS resolves). */
export const STAPLING_DIRECTIVES = {
  ssl_stapling: ['on'],
  ssl_stapling_verify: ['on'],
  resolver: ['127.0.0.11', 'valid=300s'],
  resolver_timeout: ['5s'],
} as const satisfies Record<string, readonly string[]>;

/** The Strict-Transport-Security value: two years. */
export const HSTS_MAX_AGE = 'max-age=63072000';
