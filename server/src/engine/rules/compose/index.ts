import type { AnyRule } from '../../context';
import { exposedDatastorePort } from './exposed-datastore-port';
import { portAllInterfaces } from './port-all-interfaces';
import { portBypassesProxy } from './port-bypasses-proxy';
import { datastoreWithoutAuth } from './datastore-without-auth';
import { hardcodedSecret } from './hardcoded-secret';
import { weakSecret } from './weak-secret';
import { undefinedVariable } from './undefined-variable';
import { privileged } from './privileged';
import { dockerSocket } from './docker-socket';
import { hostNamespace } from './host-namespace';
import { dangerousCapability } from './dangerous-capability';
import { securityOptDisabled } from './security-opt-disabled';
import { noNewPrivileges } from './no-new-privileges';
import { sensitiveMount } from './sensitive-mount';
import { runsAsRoot } from './runs-as-root';
import { noResourceLimits } from './no-resource-limits';
import { unpinnedImage } from './unpinned-image';
import { noHealthcheck } from './no-healthcheck';
import { noLogRotation } from './no-log-rotation';
import { datastoreNotIsolated } from './datastore-not-isolated';
import { unknownKey } from './unknown-key';
import { exposedAdminUi } from './exposed-admin-ui';
import { openSetupWizard } from './open-setup-wizard';
import { committedDefaultSecret } from './committed-default-secret';
import { datastorePlaintext } from './datastore-plaintext';
import { traefikUnusedMiddleware } from './traefik-unused-middleware';
import { composeSyntax } from './syntax';

/** Every compose rule, in catalogue order (ARCHITECTURE.md, Rules). The cross-file rules are added by their own module. */
export const composeRules: AnyRule[] = [
  exposedDatastorePort,
  portAllInterfaces,
  portBypassesProxy,
  datastoreWithoutAuth,
  hardcodedSecret,
  weakSecret,
  undefinedVariable,
  exposedAdminUi,
  openSetupWizard,
  committedDefaultSecret,
  datastorePlaintext,
  privileged,
  dockerSocket,
  hostNamespace,
  dangerousCapability,
  securityOptDisabled,
  noNewPrivileges,
  sensitiveMount,
  runsAsRoot,
  noResourceLimits,
  unpinnedImage,
  noHealthcheck,
  noLogRotation,
  datastoreNotIsolated,
  traefikUnusedMiddleware,
  unknownKey,
  composeSyntax,
];
