import { languageProperties } from './properties';

describe('property: nginx parser and every nginx rule', function () {
  this.timeout(120_000);
  languageProperties('nginx', [
    'http {', 'server {', '}', 'listen 80;', 'listen 443 ssl http2;', 'server_name a.example;', 'location / {', 'location ~ ^/(.*)$ {',
    'add_header X-Frame-Options DENY;', 'add_header Content-Security-Policy "default-src *";', 'proxy_pass http://app:3000;',
    'proxy_pass $scheme://$1;', 'include snippets/*.conf;', 'include missing.conf;', 'ssl_protocols TLSv1 TLSv1.2;',
    'ssl_ciphers ALL:!aNULL;', 'if ($host ~ (.*)) {', 'return 301 https://$host$request_uri;', 'return 302 $uri;', 'set $x $uri;',
    'alias /var/www/;', 'autoindex on;', 'map $a $b {', 'content_by_lua_block {', '"', "'", ';', '#', '\\',
  ]);
});
