import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { isTlsServer, serverLabel } from '../../nginx/servers';
import { nodesNamed } from '../../nginx/view';
import { defaultProtocolsWeak, insertTlsLines, sslSetting, WEAK_PROTOCOLS, mayHideTls } from '../../nginx/tls';

const GOOD = 'TLSv1.2 TLSv1.3';

export const weakTlsProtocol: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/weak-tls-protocol', language: 'nginx', severity: 'error',
  title: 'Obsolete SSL/TLS protocol enabled',
  docs: {
    why: 'SSLv2, SSLv3, TLS 1.0 and TLS 1.1 are broken or deprecated (POODLE, BEAST; RFC 8996) and every browser '
      + 'of the last years speaks TLS 1.2. Mozilla\'s intermediate profile, which the AppFlowy and AFFiNE guides '
      + 'follow, is `ssl_protocols TLSv1.2 TLSv1.3;`.\n\nBefore nginx 1.23.4 the default (no `ssl_protocols` at '
      + 'all) still enables TLS 1.0 and 1.1, so with `deploylint.nginx.version` below 1.23.4 a TLS server that '
      + 'sets no protocols is reported too.',
    bad: 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2;',
    good: 'ssl_protocols TLSv1.2 TLSv1.3;',
    fixSafety: 'The fix sets `ssl_protocols TLSv1.2 TLSv1.3;`. Very old clients need the dropped protocols, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Mozilla server-side TLS', 'RFC 8996', 'AppFlowy guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'ssl_protocols')) {
      const weak = n.args.filter((a) => WEAK_PROTOCOLS.has(a.value));
      if (!weak.length) continue;
      const span = { start: n.args[0].span.start, end: n.args[n.args.length - 1].span.end };
      ctx.report({
        span,
        message: `ssl_protocols enables ${weak.map((a) => a.value).join(', ')}: obsolete protocols with known attacks. Use TLSv1.2 and TLSv1.3.`,
        fixes: [{ title: `Set ssl_protocols ${GOOD}`, safe: false, edits: [ctx.replace(span, GOOD)] }],
      });
    }
    if (!defaultProtocolsWeak(ctx.config.nginx.version)) return;
    for (const server of view.servers) {
      if (!isTlsServer(server) || sslSetting(server, 'ssl_protocols', view.cfg.nodes) || mayHideTls(view.cfg, server)) continue;
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} sets no ssl_protocols: nginx ${ctx.config.nginx.version} then enables TLSv1 and TLSv1.1 (the default changed in 1.23.4).`,
        fixes: [{ title: `Add ssl_protocols ${GOOD};`, safe: false, edits: [insertTlsLines(view.file, server.d, [`ssl_protocols ${GOOD};`])] }],
      });
    }
  },
};
