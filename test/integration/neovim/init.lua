-- Headless Neovim as a real LSP client of deploylint (test/integration/neovim.test.ts).
-- Opens DEPLOYLINT_FILE, starts `node DEPLOYLINT_SERVER --stdio` with the built-in client, waits for
-- diagnostics, and writes them (and any error) as JSON to DEPLOYLINT_OUT, then quits.
-- Neovim 0.8+ has vim.lsp.start; 0.7 (Debian 12) only start_client + buf_attach_client: both are used.
local server = assert(os.getenv('DEPLOYLINT_SERVER'), 'DEPLOYLINT_SERVER')
local file = assert(os.getenv('DEPLOYLINT_FILE'), 'DEPLOYLINT_FILE')
local out = assert(os.getenv('DEPLOYLINT_OUT'), 'DEPLOYLINT_OUT')
local timeout = tonumber(os.getenv('DEPLOYLINT_TIMEOUT_MS') or '20000')

local function write(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = 'deploylint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  }
  local id
  if vim.lsp.start then
    id = vim.lsp.start(config)
  else
    id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(buf, id) end
  end
  if not id then return { error = 'the client did not start' } end

  local got = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  -- A second publish (e.g. after a cross-file lint) must not be missed: wait until the count settles.
  local last = -1
  vim.wait(1500, function()
    local n = #vim.diagnostic.get(buf)
    if n == last then return true end
    last = n
    return false
  end, 300)

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
    })
  end
  local v = vim.version()
  local result = {
    waited = got,
    nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch),
    api = vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client',
    diagnostics = diagnostics,
  }
  vim.lsp.stop_client(id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  return result
end

local ok, result = pcall(run)
if not ok then result = { error = tostring(result) } end
pcall(write, result)
vim.cmd('qall!')
