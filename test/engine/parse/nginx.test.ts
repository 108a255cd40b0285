import * as assert from 'node:assert/strict';
import { parseNginx, type NginxDirective, type NginxFile } from '../../../server/src/engine/parse/nginx';

/** A compact golden form: `name arg|arg` per directive, children nested. Values, not raw text. */
type Shape = string | [string, Shape[]];
function shape(ds: NginxDirective[]): Shape[] {
  return ds.map((d) => {
    const head = [d.name, ...d.args.map((a) => a.value)].join('|');
    return d.block ? [head, shape(d.block)] : head;
  });
}

function parseOk(text: string): NginxFile {
  const f = parseNginx(text);
  assert.deepEqual(f.errors, [], `no errors expected for ${JSON.stringify(text)}`);
  return f;
}

function golden(text: string, expected: Shape[]): NginxFile {
  const f = parseOk(text);
  assert.deepEqual(shape(f.directives), expected);
  return f;
}

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('parse/nginx: lexer (reference quoting cases)', () => {
  it('a backslash and the next character are one unit; unquoted tokens keep the backslash', () => {
    golden('set $a foo\\;bar;', ['set|$a|foo\\;bar']);
    golden('set $a foo\\{x\\};', ['set|$a|foo\\{x\\}']);
    golden('set $a a\\"b;', ['set|$a|a\\"b']);
  });

  it('whitespace ends a token; { } ; are tokens of their own', () => {
    golden('a b;c{d e;}', ['a|b', ['c', ['d|e']]]);
    golden('events{}', [['events', []]]);
  });

  it('# starts a comment only at the start of a token', () => {
    const f = golden('foo#bar baz; # a comment\nx y#z;', ['foo#bar|baz', 'x|y#z']);
    assert.deepEqual(f.comments.map((c) => c.text), ['# a comment']);
  });

  it('a comment runs to the end of the line and may hold braces and semicolons', () => {
    golden('server { # { ; }\n listen 80;\n}', [['server', ['listen|80']]]);
  });

  it('quotes open a token only at its start; inside, \\" becomes " and other escapes stay verbatim', () => {
    golden('add_header X "a\\"b\\n\\t";', ['add_header|X|a"b\\n\\t']);
    golden("add_header X 'it\\'s \\\"q\\\"';", ['add_header|X|it\'s \\"q\\"']);
    golden('set $a foo"bar;', ['set|$a|foo"bar']);
    golden("set $a it's;", ["set|$a|it's"]);
  });

  it('"" is an empty argument', () => {
    const f = golden('add_header X "";', ['add_header|X|']);
    assert.equal(f.directives[0].args[1].raw, '""');
    assert.equal(f.directives[0].args[1].quote, '"');
  });

  it('a quoted "}" or ";" is data', () => {
    golden('return 200 "}";', ['return|200|}']);
    golden("return 200 ';{';", ['return|200|;{']);
    golden('location / { return 200 "a}b;c{"; }', [['location|/', ['return|200|a}b;c{']]]);
  });

  it('${var} stays one token although it holds braces', () => {
    golden('set $a ${b}c;', ['set|$a|${b}c']);
    golden('proxy_pass http://${upstream}:8080;', ['proxy_pass|http://${upstream}:8080']);
  });

  it('*_by_lua_block bodies are one opaque token (braces in Lua strings and comments ignored)', () => {
    const text = 'location / {\n  content_by_lua_block {\n    local t = { a = "}" } -- }\n    ngx.say([[ } ]])\n  }\n  return 200;\n}';
    const f = golden(text, [['location|/', ['content_by_lua_block', 'return|200']]]);
    const lua = f.directives[0].block![0];
    assert.equal(lua.block, undefined);
    assert.equal(lua.lua!.text, '\n    local t = { a = "}" } -- }\n    ngx.say([[ } ]])\n  ');
    assert.equal(slice(text, lua.span).endsWith('}'), true);
    golden('set_by_lua_block $x { return 1 }', ['set_by_lua_block|$x']);
  });

  it('if ( ... ): the parentheses belong to the condition', () => {
    const text = 'if ($http_user_agent ~* "MSIE (6|7)") { return 403; }';
    const f = golden(text, [['if|$http_user_agent|~*|MSIE (6|7)', ['return|403']]]);
    assert.equal(slice(text, f.directives[0].condition!), '($http_user_agent ~* "MSIE (6|7)")');
    golden('if ($request_method = POST) { return 405; }', [['if|$request_method|=|POST', ['return|405']]]);
    golden('if ($a) { return 404; }', [['if|$a', ['return|404']]]);
    golden('if ( $a = b ) { }', [['if|$a|=|b', []]]);
  });

  it('map, geo, types, upstream blocks hold pairs or their own directives', () => {
    golden('map $http_upgrade $connection_upgrade {\n  default upgrade;\n  \'\' close;\n  "~^foo" bar;\n}', [
      ['map|$http_upgrade|$connection_upgrade', ['default|upgrade', '|close', '~^foo|bar']],
    ]);
    golden('geo $x { default 0; 10.0.0.0/8 1; }', [['geo|$x', ['default|0', '10.0.0.0/8|1']]]);
    golden('types { text/html html htm; image/png png; }', [['types', ['text/html|html|htm', 'image/png|png']]]);
    golden('upstream app { server app:3000 max_fails=3; keepalive 8; }', [['upstream|app', ['server|app:3000|max_fails=3', 'keepalive|8']]]);
  });

  it('regex locations: quoted braces are data', () => {
    golden('location ~ "^/(a|b){1,3}$" { return 200; }', [['location|~|^/(a|b){1,3}$', ['return|200']]]);
    golden('location ~* \\.(png|jpg)$ { expires 1d; }', [['location|~*|\\.(png|jpg)$', ['expires|1d']]]);
  });

  it('regex locations with unquoted braces: read as the regex, with an error saying nginx needs quotes', () => {
    const text = 'location ~ ^/(a|b){1,3}$ { return 200; }';
    const f = parseNginx(text);
    assert.deepEqual(shape(f.directives), [['location|~|^/(a|b){1,3}$', ['return|200']]]);
    assert.equal(f.errors.length, 1);
    assert.equal(slice(text, f.errors[0].span), '{1,3}');
  });

  it('CRLF line endings and a UTF-8 BOM', () => {
    const text = '\ufeffserver {\r\n    listen 80;\r\n    # c\r\n    server_name a.example;\r\n}\r\n';
    const f = golden(text, [['server', ['listen|80', 'server_name|a.example']]]);
    assert.equal(f.directives[0].nameSpan.start, 1);
    assert.equal(f.comments[0].text, '# c');
    assert.equal(slice(text, f.directives[0].block![1].span), 'server_name a.example;');
  });

  it('multi-line arguments (log_format) are one directive', () => {
    golden("log_format main '$remote_addr - $remote_user'\n                '\"$request\" $status';", ['log_format|main|$remote_addr - $remote_user|"$request" $status']);
  });
});

describe('parse/nginx: tree and spans', () => {
  const text = 'http {\n    server {\n        listen 443 ssl;\n        location / { proxy_pass http://app:3000; }\n    }\n}\n';
  const f = golden(text, [['http', [['server', ['listen|443|ssl', ['location|/', ['proxy_pass|http://app:3000']]]]]]]);

  it('directive span: name to ";" or to the closing "}"', () => {
    const server = f.directives[0].block![0];
    assert.equal(slice(text, server.span), 'server {\n        listen 443 ssl;\n        location / { proxy_pass http://app:3000; }\n    }');
    assert.equal(slice(text, server.block![0].span), 'listen 443 ssl;');
    assert.equal(slice(text, server.block![1].span), 'location / { proxy_pass http://app:3000; }');
    assert.equal(slice(text, server.open!), '{');
    assert.equal(slice(text, server.close!), '}');
  });

  it('arguments keep raw text, value and exact span', () => {
    const listen = f.directives[0].block![0].block![0];
    assert.deepEqual(listen.args.map((a) => [a.raw, slice(text, a.span)]), [['443', '443'], ['ssl', 'ssl']]);
    const q = parseOk('add_header X-A "a b" always;').directives[0];
    assert.deepEqual(q.args.map((a) => [a.raw, a.value, a.span.start, a.span.end]), [['X-A', 'X-A', 11, 14], ['"a b"', 'a b', 15, 20], ['always', 'always', 21, 27]]);
  });

  it('parents link children to their block', () => {
    const server = f.directives[0].block![0];
    assert.equal(server.parent, f.directives[0]);
    assert.equal(server.block![1].block![0].parent, server.block![1]);
    assert.equal(f.directives[0].parent, undefined);
  });

  it('fragments: bare directives, or server blocks meant for http {}', () => {
    golden('add_header X-Frame-Options DENY always;\nadd_header X-Content-Type-Options nosniff;', ['add_header|X-Frame-Options|DENY|always', 'add_header|X-Content-Type-Options|nosniff']);
    golden('server { listen 80; }\nserver { listen 81; }', [['server', ['listen|80']], ['server', ['listen|81']]]);
    golden('', []);
    golden('# only a comment\n', []);
  });
});

describe('parse/nginx: nginx -T dumps', () => {
  const dump = [
    'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
    '# configuration file /etc/nginx/nginx.conf:',
    'http {',
    '    include /etc/nginx/conf.d/*.conf;',
    '}',
    '',
    '# configuration file /etc/nginx/conf.d/app.conf:',
    'server {',
    '    listen 80;',
    '}',
    '',
  ].join('\n');

  it('splits the stream into files; each file parses on its own', () => {
    const f = parseOk(dump);
    assert.deepEqual(f.sections.map((s) => s.path), ['/etc/nginx/nginx.conf', '/etc/nginx/conf.d/app.conf']);
    assert.deepEqual(shape(f.sections[1].directives), [['server', ['listen|80']]]);
    assert.equal(f.sections[1].directives[0].section, 1);
    assert.equal(f.sections[1].directives[0].block![0].section, 1);
  });

  it('an unbalanced file does not spill into the next one', () => {
    const broken = dump.replace('    include /etc/nginx/conf.d/*.conf;\n}', '    include /etc/nginx/conf.d/*.conf;');
    const f = parseNginx(broken);
    assert.equal(f.errors.length, 1);
    assert.match(f.errors[0].message, /unexpected end of file/);
    assert.deepEqual(shape(f.sections[1].directives), [['server', ['listen|80']]]);
  });
});

describe('parse/nginx: errors and recovery', () => {
  function errors(text: string): string[] {
    return parseNginx(text).errors.map((e) => `${slice(text, e.span)} :: ${e.message}`);
  }

  it('unexpected "}"', () => {
    assert.deepEqual(errors('server { listen 80; }\n}\nserver { }'), ['} :: unexpected "}"']);
    assert.equal(parseNginx('server { listen 80; }\n}\nserver { }').directives.length, 2);
  });

  it('unexpected end of file, expecting "}" (at the unclosed brace)', () => {
    const text = 'http {\n  server {\n    listen 80;\n';
    const f = parseNginx(text);
    assert.deepEqual(f.errors.map((e) => [e.span.start, e.message]), [
      [16, 'unexpected end of file, expecting "}" to close "server"'],
      [5, 'unexpected end of file, expecting "}" to close "http"'],
    ]);
    assert.deepEqual(shape(f.directives), [['http', [['server', ['listen|80']]]]]);
  });

  it('a directive not terminated by ";" before "}" or the end of the file', () => {
    assert.deepEqual(errors('location / { return 200 }'), ['200 :: directive "return" is not terminated by ";"']);
    assert.deepEqual(errors('worker_processes auto'), ['auto :: directive "worker_processes" is not terminated by ";"']);
  });

  it('a lost ";" at a line end: the next line that starts with a directive name is a new directive', () => {
    const text = 'server {\n    listen 80\n    server_name a.example;\n}';
    const f = parseNginx(text);
    assert.deepEqual(f.errors.map((e) => `${slice(text, e.span)} :: ${e.message}`), ['80 :: directive "listen" is not terminated by ";"']);
    assert.deepEqual(shape(f.directives), [['server', ['listen|80', 'server_name|a.example']]]);
  });

  it('an unterminated quote: reported at the quote, the rest of the file still parses', () => {
    const text = 'server {\n    add_header X "abc;\n    listen 80;\n}';
    const f = parseNginx(text);
    assert.deepEqual(f.errors.map((e) => [slice(text, e.span), e.message]), [['"', 'unterminated double-quoted string']]);
    assert.deepEqual(shape(f.directives)[0][0], 'server');
  });

  it('a quote followed by a non-space character', () => {
    assert.deepEqual(errors('return 200 "a"b;'), ['b :: unexpected "b" after a quoted string (nginx needs a space here)']);
  });

  it('never throws, on any input', () => {
    const samples = ['{', '}', ';', '"', "'", '\\', '${', 'a {', 'if (', 'x_by_lua_block {', 'x_by_lua_block { "', '# configuration file /x:\n}', '\ufeff', '\r\n{\r'];
    for (const s of samples) assert.doesNotThrow(() => parseNginx(s), s);
    for (let i = 0; i < 300; i++) {
      const alphabet = ['{', '}', ';', '"', "'", '\\', '#', '$', ' ', '\n', 'a', 'if', '(', ')', 'server', '_by_lua_block', '[[', '--'];
      let t = '';
      for (let j = 0; j < 30; j++) t += alphabet[(i * 7 + j * 13 + (i ^ j)) % alphabet.length];
      const f = parseNginx(t);
      for (const e of f.errors) assert.ok(e.span.start >= 0 && e.span.end <= t.length && e.span.start <= e.span.end, t);
    }
  });
});
