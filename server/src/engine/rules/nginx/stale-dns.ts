import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { compareVersions } from '../../config';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed, viewNodesNamed } from '../../nginx/view';

/** Suffixes of names that live inside the deployment (its DNS, its LAN): their addresses are the operator's own. */
const INTERNAL_SUFFIX = /\.(local|localhost|localdomain|internal|lan|home|home\.arpa|arpa|intranet|corp|private|docker|consul|svc|cluster)$/i;

/** `upstream ... { server host resolve; }` re-resolves from this open-source release on. */
const UPSTREAM_RESOLVE = '1.27.3';

/** The host of a pass target or upstream server address (`https://api.example.com:8443/x`, `api.example.com:80`). */
function hostOf(target: string): string | undefined {
  if (target.startsWith('unix:') || /^[a-z]+:\/\/unix:/i.test(target)) return undefined;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(\[[^\]]*\]|[^/:?#\s]+)/i.exec(target);
  return m?.[1];
}

/** A name on the public internet: dotted, an alphabetic top-level label, not an IP address or an internal suffix. */
export function isPublicName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h.includes('$') || h.startsWith('[') || !h.includes('.')) return false;
  if (/^\d+(\.\d+){3}$/.test(h)) return false;
  if (INTERNAL_SUFFIX.test(h)) return false;
  return /\.[a-z]{2,63}$/.test(h);
}

export const staleDns: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/stale-dns', language: 'nginx', severity: 'info',
  title: 'Upstream host name resolved only once, at start',
  docs: {
    why: 'nginx resolves a host name written literally in `proxy_pass` or in an `upstream` block\'s `server` once, '
      + 'when it loads the config, and keeps that address until the next reload. When the name points to a '
      + 'service outside the deployment (a SaaS API, an object store, a CDN origin, a cloud load balancer), its '
      + 'address changes without notice: nginx keeps sending requests (with their cookies and authorization '
      + 'headers) to the old address, which the provider may have handed to somebody else by then.\n\nOnly names on '
      + 'the public internet are reported (a dot and a public-looking top-level label): compose service names, '
      + '`upstream` names, IP addresses, `localhost` and internal suffixes (`.local`, `.internal`, `.lan`, '
      + '`.svc`...) stay inside the deployment. Same idea as Gixy-Next\'s `stale_dns_cache`, which also reports '
      + 'single-label and internal names; those are left out here because their addresses are the operator\'s '
      + 'own.\n\nEither add `resolver <dns>;` and put the name in a variable (`set $api api.example.com; proxy_pass '
      + 'https://$api;`, which also changes how the URI is passed), or, from nginx 1.27.3, give the upstream\'s '
      + '`server` the `resolve` parameter (and a `resolver`).',
    fixSafety: 'No automatic fix: it needs the address of a DNS resolver.',
    references: ['Gixy-Next stale_dns_cache', 'nginx ngx_http_upstream_module: server ... resolve'],
  },
  fixable: false,
  check(ctx) {
    const view = nginxView(ctx);
    const canResolve = compareVersions(ctx.config.nginx.version, UPSTREAM_RESOLVE) >= 0;
    let upstreams: Set<string> | undefined;
    // `server` is asked for only when there are upstream blocks: every server block has that name too.
    const names = viewNodesNamed(view.cfg, 'upstream').length ? ['proxy_pass', 'grpc_pass', 'server'] : ['proxy_pass', 'grpc_pass'];
    for (const name of names) for (const n of nodesNamed(view.cfg, ctx.file.path, name)) {
      const arg = n.args[0];
      if (!arg) continue;
      const inUpstream = n.name === 'server' && n.parent?.name === 'upstream';
      if (n.name === 'server' && !inUpstream) continue;
      // Most targets name a compose service or an address: no dot, nothing to resolve on the internet.
      if (!arg.value.includes('.')) continue;
      if (inUpstream && n.args.some((a) => a.value === 'resolve')) continue;
      const host = hostOf(arg.value);
      if (!host || !isPublicName(host)) continue;
      // `proxy_pass http://api.example.com` names the upstream block of that name, when there is one.
      upstreams ??= new Set(viewNodesNamed(view.cfg, 'upstream').map((u) => (u.args[0]?.value ?? '').toLowerCase()));
      if (!inUpstream && upstreams.has(host.toLowerCase())) continue;
      const how = inUpstream
        ? (canResolve ? 'add the `resolve` parameter (and a `resolver`)' : 'use a variable with a `resolver`, or `resolve` from nginx 1.27.3')
        : 'put the name in a variable and add a `resolver`';
      ctx.report({
        span: arg.span,
        message: `${host} is resolved once when nginx starts and its address kept until reload: when the provider moves it, `
          + `requests keep going to the old address. To follow DNS, ${how}.`,
      });
    }
  },
};
