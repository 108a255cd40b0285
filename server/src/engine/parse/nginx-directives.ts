/** Blocks whose children are pairs or their own mini-language, not ordinary directives. */
export const PAIR_BLOCKS = new Set(['map', 'geo', 'types', 'split_clients', 'charset_map', 'match']);

/**
 * Directive names common enough that one at the start of a line, inside the arguments of another
 * directive, almost surely means the previous line lost its `;` (nginx would read them as arguments
 * and fail later with a confusing message).
 */
const COMMON = new Set([
  'add_header', 'alias', 'allow', 'auth_basic', 'auth_basic_user_file', 'auth_request', 'autoindex',
  'client_body_buffer_size', 'client_max_body_size', 'default_type', 'deny', 'error_log', 'error_page',
  'expires', 'fastcgi_pass', 'fastcgi_param', 'gzip', 'gzip_types', 'http2', 'include', 'index', 'keepalive_timeout',
  'limit_req', 'limit_req_zone', 'listen', 'location', 'log_format', 'more_set_headers', 'proxy_buffering', 'proxy_cache',
  'proxy_connect_timeout', 'proxy_hide_header', 'proxy_http_version', 'proxy_pass', 'proxy_read_timeout',
  'proxy_redirect', 'proxy_send_timeout', 'proxy_set_header', 'resolver', 'return', 'rewrite', 'root', 'sendfile',
  'server', 'server_name', 'server_tokens', 'ssl_certificate', 'ssl_certificate_key', 'ssl_ciphers', 'ssl_dhparam',
  'ssl_prefer_server_ciphers', 'ssl_protocols', 'ssl_session_cache', 'ssl_session_tickets', 'ssl_session_timeout',
  'ssl_stapling', 'ssl_stapling_verify', 'ssl_trusted_certificate', 'try_files', 'upstream', 'uwsgi_pass',
]);

export function looksLikeDirectiveName(word: string): boolean {
  return COMMON.has(word);
}

/**
 * The names the engine looks for, each mapped to itself: `directiveName` hands the parser the one
 * string (the engine's own literal) for every directive so named, not a fresh copy per directive,
 * so the tree holds fewer strings and every name comparison and name-keyed lookup of the rules
 * compares the same string.
 */
const KNOWN = new Map<string, string>();
for (const name of [
  ...COMMON, ...PAIR_BLOCKS,
  // Looked for by the config view, the header and variable models and the rules.
  'http', 'events', 'stream', 'mail', 'worker_processes', 'if', 'set', 'ssl', 'internal', 'default', 'more_set_headers',
  'add_header_inherit', 'limit_req_zone', 'grpc_pass', 'scgi_pass', 'tcp_nopush', 'tcp_nodelay', 'types_hash_max_size',
  'hostnames', 'volatile', 'proxy', 'proxy_recursive', 'delete', 'ranges',
]) KNOWN.set(name, name);

/** The engine's own string for a known directive name, else the name as read. */
export function directiveName(name: string): string {
  return KNOWN.get(name) ?? name;
}
