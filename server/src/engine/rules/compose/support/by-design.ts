/**
 * Images whose documented job needs a given host privilege (ARCHITECTURE.md, Precision: a finding must be true for the
 * file as it will be used). Removing the privilege breaks them, so the finding says so at info instead
 * of asking for it.
 */
import type { Service } from '../../../parse/compose';

export type Privilege = 'host-network' | 'net-admin' | 'privileged' | 'engine';

const VPN = 'wireguard|wg-easy|openvpn|openvpn-as|ipsec-vpn-server|strongswan|tailscale|headscale|netbird|firezone|softether|gluetun';
const FIREWALL = 'netfilter|fail2ban';

const NEEDS: Record<Privilege, { image: RegExp; why: string }[]> = {
  'host-network': [
    { image: /(^|[/_-])(plex|pms-docker|jellyfin|emby|home-assistant|homeassistant|avahi|mdns-repeater)([/_-]|$)/, why: 'media and home servers discover devices by multicast (DLNA, mDNS) on the host network' },
    { image: new RegExp(`(^|[/_-])(${FIREWALL})([/_-]|$)`), why: 'a host firewall manager edits the host\'s own iptables/nftables' },
    { image: new RegExp(`(^|[/_-])(${VPN})([/_-]|$)`), why: 'a VPN endpoint routes for the host' },
    { image: /(^|[/_-])(pihole|adguardhome)([/_-]|$)/, why: 'a DHCP server answers broadcasts on the host network' },
  ],
  'net-admin': [
    { image: new RegExp(`(^|[/_-])(${VPN}|${FIREWALL})([/_-]|$)`), why: 'it creates its tunnel interface and NAT rules' },
    { image: /(^|[/_-])(pihole|adguardhome|dnsmasq)([/_-]|$)/, why: 'its DHCP server needs it' },
  ],
  privileged: [
    { image: new RegExp(`(^|[/_-])(${FIREWALL})([/_-]|$)`), why: 'a host firewall manager needs the host\'s netfilter and kernel modules anyway' },
  ],
  engine: [
    { image: /(^|[/_-])(portainer|portainer-ce|portainer-ee|agent|dockge|yacht)$/, why: 'managing the Docker engine is its job, so a socket proxy would have to allow nearly the whole API' },
  ],
};

/** Why `svc`'s image needs `privilege` by design, or undefined. */
export function needsByDesign(svc: Service, privilege: Privilege): string | undefined {
  const path = svc.image?.path.toLowerCase();
  if (!path) return undefined;
  // `portainer/agent` is Portainer's; any other `*/agent` is not.
  if (privilege === 'engine' && /(^|\/)agent$/.test(path) && !/^portainer\//.test(path)) return undefined;
  return NEEDS[privilege].find((n) => n.image.test(path))?.why;
}
