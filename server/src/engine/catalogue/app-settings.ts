/**
 * Application switches that turn a protection off, one row each, with where the behaviour is
 * documented. env/insecure-setting reads this table; adding a switch is one row.
 */
import type { Severity } from '../types';

export interface AppSetting {
  app: string;
  key: RegExp;
  /** The insecure values (as dotenv reads them, trimmed). */
  bad: RegExp;
  /** The value to flip to, when one is right for everyone. */
  fix?: string;
  why: string;
  severity?: Severity;
  /** Only in an env file of this image catalogue product (by `env_file`), or one that looks like its env file. */
  product?: string;
  /** Only when that product's service publishes a port on a non-loopback address. */
  whenPublished?: boolean;
  source: string;
}

export const APP_SETTINGS: AppSetting[] = [
  {
    app: 'docker-mailserver', product: 'docker-mailserver', key: /^SSL_TYPE$/, bad: /^$/,
    why: 'TLS is off, and docker-mailserver then allows plaintext authentication: mailbox passwords cross the network in clear',
    source: 'https://docker-mailserver.github.io/docker-mailserver/latest/config/environment/#ssl_type',
  },
  {
    app: 'docker-mailserver', product: 'docker-mailserver', key: /^SPOOF_PROTECTION$/, bad: /^0?$/, fix: '1',
    why: 'any logged-in user can send mail with a forged sender address',
    source: 'https://docker-mailserver.github.io/docker-mailserver/latest/config/environment/#spoof_protection',
  },
  {
    app: 'docker-mailserver', product: 'docker-mailserver', key: /^ENABLE_FAIL2BAN$/, bad: /^0$/, severity: 'info', whenPublished: true,
    why: 'nothing bans clients that guess passwords on the published SMTP submission and IMAP ports (enabling it also needs `cap_add: NET_ADMIN`)',
    source: 'https://docker-mailserver.github.io/docker-mailserver/latest/config/security/fail2ban/',
  },
  {
    app: 'GoTrue (Supabase Auth)', key: /^(GOTRUE_URI_ALLOW_LIST|ADDITIONAL_REDIRECT_URLS)$/, bad: /(^|,)\s*(https?:\/\/)?\*\*\s*(,|$)/,
    why: 'any URL is an allowed redirect after sign-in: login links and tokens can be sent to an attacker\'s site',
    source: 'https://supabase.com/docs/guides/auth/redirect-urls',
  },
  {
    app: 'Supabase', key: /^FUNCTIONS_VERIFY_JWT$/, bad: /^(false|0)$/i, fix: 'true',
    why: 'edge functions run for callers without a valid JWT',
    source: 'https://supabase.com/docs/guides/self-hosting/docker (.env: FUNCTIONS_VERIFY_JWT)',
  },
  {
    app: 'GoTrue (Supabase Auth)', key: /^(GOTRUE_MAILER_AUTOCONFIRM|ENABLE_EMAIL_AUTOCONFIRM|ENABLE_PHONE_AUTOCONFIRM|GOTRUE_SMS_AUTOCONFIRM)$/, bad: /^(true|1)$/i, fix: 'false',
    why: 'sign-ups are confirmed without proving the address or number is theirs',
    source: 'https://github.com/supabase/auth#e-mail (MAILER_AUTOCONFIRM)',
  },
  {
    app: 'pgAdmin', key: /^PGADMIN_CONFIG_SERVER_MODE$/, bad: /^false$/i, fix: 'True',
    why: 'pgAdmin runs in desktop mode: no login at all',
    source: 'https://www.pgadmin.org/docs/pgadmin4/latest/container_deployment.html',
  },
  {
    app: 'Traefik', key: /^TRAEFIK_API_INSECURE$/, bad: /^true$/i, fix: 'false',
    why: 'the Traefik API and dashboard are served without authentication on the traefik entrypoint',
    source: 'https://doc.traefik.io/traefik/operations/api/#insecure',
  },
  {
    app: 'PostgreSQL', key: /^POSTGRES_HOST_AUTH_METHOD$/, bad: /^trust$/i,
    why: 'any client connects as any user without a password',
    source: 'https://hub.docker.com/_/postgres (POSTGRES_HOST_AUTH_METHOD)',
  },
  {
    app: 'pgbouncer', key: /^(PGBOUNCER_)?AUTH_TYPE$/, bad: /^trust$/i,
    why: 'pgbouncer lets any client connect as any database user',
    source: 'https://www.pgbouncer.org/config.html#auth_type',
  },
];

/** Keys that only docker-mailserver's env file holds together: a file with several of them is one. */
export const PRODUCT_MARKERS: Record<string, string[]> = {
  'docker-mailserver': ['POSTSCREEN_ACTION', 'ENABLE_AMAVIS', 'ENABLE_POSTGREY', 'ENABLE_SPAMASSASSIN', 'ENABLE_CLAMAV', 'SPOOF_PROTECTION', 'ONE_DIR', 'PERMIT_DOCKER', 'ENABLE_FAIL2BAN'],
};
