/** The help of each command: `deploylint --help`, `deploylint rules --help`, `deploylint generate nginx --help`. */
const EXIT = 'Exit codes: 0 clean, 1 findings at or above --fail-on (or more warnings than --max-warnings), 2 usage error, unreadable file or internal error.';

export const HELP = {
  lint: `Usage: deploylint [options] [paths...]   lint files and folders (default: .)

Options:
  -f, --format FORMAT            text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML), gitlab (Code Quality)
  -o, --output FILE              write the report to FILE instead of standard output
  -c, --config FILE              config file (default: the .deploylint.yaml found upward from each file)
  --rule ID=SEVERITY             override a rule: off|error|warning|info|hint (repeatable)
  --fail-on error|warning|info   exit 1 when a finding is at or above this (default: warning)
  --max-warnings N               also exit 1 when there are more than N warnings
  -q, --quiet                    report errors only
  --exclude GLOB                 skip matching files and folders (gitignore syntax, repeatable; also exclude: in the config)
  --stdin-filename NAME          with the path "-": lint standard input as the file NAME
  --baseline FILE                hide the findings recorded in FILE (matched by rule, file and line content, not line number)
  --write-baseline FILE          record the current findings in FILE and exit 0
  --fix                          apply safe fixes in place
  --color, --no-color            force or disable colours
  -h, --help                     this help; -v, --version  the version

Commands:
  deploylint rules               the rule catalogue (deploylint rules --help)
  deploylint generate nginx      a hardened nginx server block (deploylint generate nginx --help)

${EXIT}`,
  rules: `Usage: deploylint rules [--format text|json]

Lists every rule: id, default severity, whether it has a fix, and its title.

Options:
  -f, --format text|json         output format (default: text)
  -h, --help                     this help`,
  generate: `Usage: deploylint generate nginx --server-name NAME --upstream URL [options]

Prints a hardened nginx server block (HTTPS redirect, Mozilla TLS, HSTS, security headers, proxy headers).

Options:
  --server-name NAME             server name(s), repeatable or comma-separated (required)
  --upstream URL                 where to proxy, e.g. http://app:3000 (required)
  --profile intermediate|modern  Mozilla TLS profile (default: intermediate)
  --nginx-version X.Y            target nginx (default: nginx.version of the .deploylint.yaml found upward, else 1.26)
  --openssl-version X.Y          target OpenSSL
  --full-config                  a whole nginx.conf instead of a server block
  -h, --help                     this help`,
};
