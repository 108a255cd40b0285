/**
 * Keys the Compose Specification gained after the bundled schema snapshot (see README.md), by the
 * JSON pointer of the schema object that lists its properties. Values are accepted as any type: only
 * the key names matter to `compose/unknown-key`.
 */
export const SCHEMA_ADDITIONS: Record<string, string[]> = {
  '': ['name', 'include', 'models'],
  '/definitions/service': [
    'annotations', 'attach', 'cgroup', 'develop', 'gpus', 'uts', 'label_file', 'post_start', 'pre_stop',
    'provider', 'models', 'use_api_socket', 'pull_refresh_after', 'volume_driver',
  ],
  '/definitions/service/properties/build/oneOf/1': [
    'additional_contexts', 'dockerfile_inline', 'entitlements', 'no_cache', 'platforms', 'privileged', 'pull',
    'secrets', 'ssh', 'tags', 'ulimits', 'cache_to', 'provenance', 'sbom',
  ],
  '/definitions/service/properties/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$': ['restart', 'required'],
  '/definitions/service/properties/ports/items/oneOf/2': ['name', 'app_protocol'],
  '/definitions/service/properties/volumes/items/oneOf/1': ['image'],
  '/definitions/service/properties/volumes/items/oneOf/1/properties/bind': ['selinux', 'recursive'],
  '/definitions/service/properties/volumes/items/oneOf/1/properties/volume': ['subpath'],
  '/definitions/service/properties/volumes/items/oneOf/1/properties/tmpfs': ['mode'],
  '/definitions/service/properties/networks/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/oneOf/0': [
    'mac_address', 'driver_opts', 'gw_priority', 'interface_name',
  ],
  '/definitions/service/properties/logging': [],
  '/definitions/healthcheck': ['start_interval'],
  '/definitions/deployment/properties/resources/properties/limits': ['pids'],
  '/definitions/network': ['enable_ipv4'],
  '/definitions/secret': ['environment', 'content'],
  '/definitions/config': ['environment', 'content'],
};
