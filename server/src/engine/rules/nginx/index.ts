import type { AnyRule } from '../../context';
import { noHttps } from './no-https';
import { httpNotRedirected } from './http-not-redirected';
import { missingHsts } from './missing-hsts';
import { weakHsts } from './weak-hsts';
import { missingSecurityHeaders } from './missing-security-headers';
import { missingCsp } from './missing-csp';
import { headerInheritance } from './header-inheritance';
import { headerWithoutAlways } from './header-without-always';
import { unsafeCsp } from './unsafe-csp';
import { deprecatedXssProtection } from './deprecated-xss-protection';
import { serverTokens } from './server-tokens';
import { weakTlsProtocol } from './weak-tls-protocol';
import { weakTlsCipher } from './weak-tls-cipher';
import { sslSessionTickets } from './ssl-session-tickets';
import { missingOcspStapling } from './missing-ocsp-stapling';
import { noRateLimit } from './no-rate-limit';
import { unlimitedBodySize } from './unlimited-body-size';
import { autoindex } from './autoindex';
import { aliasTraversal } from './alias-traversal';
import { hostSpoofing } from './host-spoofing';
import { httpSplitting } from './http-splitting';
import { ssrf } from './ssrf';
import { corsWildcard } from './cors-wildcard';
import { proxyMissingHeaders } from './proxy-missing-headers';
import { dotfilesExposed } from './dotfiles-exposed';
import { privateKeyPermissions } from './private-key-permissions';
import { allowWithoutDeny } from './allow-without-deny';
import { returnBypassesAccess } from './return-bypasses-access';
import { filesystemRoot } from './filesystem-root';
import { statusPageExposed } from './status-page-exposed';
import { validReferersNone } from './valid-referers-none';
import { weakOriginCheck } from './weak-origin-check';
import { proxyPassNormalized } from './proxy-pass-normalized';
import { proxyHeaderInheritance } from './proxy-header-inheritance';
import { syntax } from './syntax';
import { ambiguousDefaultServer } from './ambiguous-default-server';
import { mapWithoutDefault } from './map-without-default';
import { rewriteCaptureOverflow } from './rewrite-capture-overflow';
import { staleDns } from './stale-dns';
import { realIpSpoofable } from './real-ip-spoofable';
import { forwardedProtoTrusted } from './forwarded-proto-trusted';
import { sslEarlyData } from './ssl-early-data';

/** Every nginx rule, in catalogue order. */
export const nginxRules: AnyRule[] = [
  noHttps,
  httpNotRedirected,
  missingHsts,
  weakHsts,
  missingSecurityHeaders,
  missingCsp,
  headerInheritance,
  headerWithoutAlways,
  unsafeCsp,
  deprecatedXssProtection,
  serverTokens,
  weakTlsProtocol,
  weakTlsCipher,
  sslSessionTickets,
  missingOcspStapling,
  noRateLimit,
  unlimitedBodySize,
  autoindex,
  aliasTraversal,
  hostSpoofing,
  httpSplitting,
  ssrf,
  corsWildcard,
  proxyMissingHeaders,
  dotfilesExposed,
  privateKeyPermissions,
  allowWithoutDeny,
  returnBypassesAccess,
  filesystemRoot,
  statusPageExposed,
  validReferersNone,
  weakOriginCheck,
  proxyPassNormalized,
  proxyHeaderInheritance,
  ambiguousDefaultServer,
  mapWithoutDefault,
  rewriteCaptureOverflow,
  staleDns,
  realIpSpoofable,
  forwardedProtoTrusted,
  sslEarlyData,
  syntax,
];
