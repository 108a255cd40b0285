import * as assert from 'node:assert/strict';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { FULL_CAPABILITIES, LspClient, tempWorkspace } from './harness';

describe('language server over stdio: pull diagnostics (textDocument/diagnostic)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let ws: ReturnType<typeof tempWorkspace>;

  before(async () => {
    ws = tempWorkspace();
    client = await LspClient.start({
      rootDir: ws.dir,
      capabilities: {
        ...FULL_CAPABILITIES,
        textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
        workspace: { ...FULL_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
      },
    });
  });
  after(async () => { await client?.stop(); ws?.remove(); });

  it('advertises a diagnostic provider, answers pulls and pushes nothing for open documents', async () => {
    const provider = client.initializeResult.capabilities.diagnosticProvider;
    assert.ok(provider && typeof provider === 'object' && provider.interFileDependencies === true);
    const uri = ws.uri('docker-compose.yml');
    client.open(uri, 'yaml', 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n');
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    const d = report.items.find((x) => x.code === 'compose/exposed-datastore-port');
    assert.ok(d, JSON.stringify(report.items.map((x) => x.code)));
    assert.equal(d.source, 'deploylint');
    assert.deepEqual(d.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 19 } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.published.get(uri), undefined, 'no publishDiagnostics when the client pulls');
  });

  it('asks the client to pull again when another document changes', async () => {
    const before = client.refreshes;
    client.open(ws.uri('.env'), 'dotenv', 'POSTGRES_PASSWORD=changeme\n');
    await client.until('a diagnostic refresh request', () => (client.refreshes > before ? true : undefined));
  });
});
