import { languageProperties } from './properties';

describe('property: compose parser and every compose rule', function () {
  this.timeout(120_000);
  languageProperties('compose', [
    'services:', '  app:', '    image: postgres:16', '    ports:', '      - "5432:5432"', '      - 8080:80', 'environment:',
    '  POSTGRES_PASSWORD: ', '${DB_PASSWORD}', '${X:-changeme}', '&base', '*base', '<<: *base', 'volumes:',
    '- /var/run/docker.sock:/var/run/docker.sock', 'privileged: true', 'user: root', 'network_mode: host', 'cap_add: [ALL]',
    'security_opt: [seccomp:unconfined]', 'env_file: .env', 'healthcheck:', 'logging:', 'version: "2"', '- ', '  ', '? ', '!!str ',
  ]);
});
