import type { AnyRule } from '../../context';
import { envWeakSecret } from './weak-secret';
import { envInsecureConnection } from './insecure-connection';
import { envInsecureSetting } from './insecure-setting';
import { envWeakPolicy } from './weak-policy';
import { envNotGitignored } from './not-gitignored';
import { envFilePermissions } from './file-permissions';
import { envTruncatedValue } from './truncated-value';
import { envDuplicateKey } from './duplicate-key';
import { envSecretReused } from './secret-reused';
import { envTemplateValueCopied } from './template-value-copied';
import { envLeakedCredential } from './leaked-credential';
import { envSyntax } from './syntax';

/** Every env rule, in catalogue order. */
export const envRules: AnyRule[] = [
  envWeakSecret, envInsecureConnection, envInsecureSetting, envWeakPolicy, envNotGitignored, envFilePermissions,
  envTruncatedValue, envDuplicateKey, envSecretReused, envTemplateValueCopied, envLeakedCredential, envSyntax,
];
