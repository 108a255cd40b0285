/**
 * Ports whose clients come from the internet by design (ARCHITECTURE.md, Precision): binding them to 127.0.0.1 would
 * break the service, so compose/port-all-interfaces does not report them.
 */
import type { PortEntry, Service } from '../../../parse/compose';

/** HTTP(S) (ARCHITECTURE.md, Rules), mail (SMTP, POP3, IMAP, submission, ManageSieve), DNS, TURN/STUN, WireGuard, OpenVPN. */
const ANY_IMAGE = new Set([80, 443, 25, 53, 110, 143, 465, 587, 993, 995, 4190, 3478, 5349, 51820, 1194]);

interface ByDesign {
  image: RegExp;
  why: string;
  /** Only these container or host ports (all when absent). */
  ports?: number[];
  /** Every port but these (a monitoring API beside the public inputs). */
  except?: number[];
  udpOnly?: boolean;
}

const CATALOGUE: ByDesign[] = [
  { image: /(^|[/_-])(minecraft|bedrock|factorio|valheim|terraria|palworld|satisfactory|srcds|csgo|cs2|ark|enshrouded|velocity|bungeecord|teamspeak|ts3server|mumble|murmur)([/_-]|$)/, why: 'a game or voice server, whose players connect from anywhere' },
  { image: /(^|[/_-])(coturn|turnserver|eturnal|stunner)([/_-]|$)/, why: 'a TURN/STUN relay for WebRTC clients' },
  { image: /(^|[/_-])(jvb|livekit|livekit-server|janus|janus-gateway|mediasoup)([/_-]|$)/, why: 'WebRTC media, which clients reach directly', udpOnly: true },
  { image: /(^|[/_-])jvb([/_-]|$)/, why: 'the Jitsi video bridge\'s TCP fallback', ports: [4443] },
  { image: /(^|[/_-])(pihole|adguardhome|dnsmasq|technitium|unbound|coredns|bind9)([/_-]|$)/, why: 'DNS/DHCP for the network', ports: [53, 67, 68, 547, 853] },
  { image: /(^|[/_-])(wireguard|wg-easy|openvpn|openvpn-as|ipsec-vpn-server|strongswan|tailscale|headscale|netbird|firezone|softether)([/_-]|$)/, why: 'a VPN endpoint', udpOnly: true },
  { image: /(^|[/_-])(ipsec-vpn-server|strongswan)([/_-]|$)/, why: 'a VPN endpoint', ports: [500, 4500] },
  { image: /(^|[/_-])logstash([/_-]|$)/, why: 'a log input that shippers on other hosts send to', except: [9600] },
  { image: /(^|[/_-])(fluentd|fluent-bit)([/_-]|$)/, why: 'a log input that shippers on other hosts send to', ports: [24224, 5140, 514] },
];

/** A published port whose variable says it is WebRTC media (`${CALLS_PORT}:${CALLS_PORT}/udp`, `${JVB_PORT}`). */
const MEDIA_VARIABLE = /\$\{?(\w*_)?(CALLS|RTC|WEBRTC|TURN|STUN|JVB|MEDIA)(_\w*)?PORT\b/i;

/** Why the port is public by design, or undefined. `nums`: its host ports (or container ports when unknown). */
export function publicByDesign(svc: Service, port: PortEntry, nums: number[], targets: number[]): string | undefined {
  if (nums.length && nums.every((n) => ANY_IMAGE.has(n))) return 'public by design';
  const udp = /udp/i.test(port.protocol ?? '');
  if (MEDIA_VARIABLE.test(`${port.published ?? ''}:${port.target ?? ''}${port.raw ?? ''}`)) return 'WebRTC media, which clients reach directly';
  const path = svc.image?.path.toLowerCase() ?? '';
  if (!path) return undefined;
  const all = [...new Set([...nums, ...targets])];
  for (const d of CATALOGUE) {
    if (!d.image.test(path)) continue;
    if (d.udpOnly && !udp) continue;
    if (d.ports && !all.some((n) => d.ports!.includes(n))) continue;
    if (d.except && all.some((n) => d.except!.includes(n))) continue;
    return d.why;
  }
  return undefined;
}
