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
