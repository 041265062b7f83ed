-- Headless end-to-end test of editors/nvim/lsp/agentls.lua in a real Neovim (0.11+).
-- Run by editors/nvim/test/run.sh as:
--   nvim --headless --clean -c "luafile e2e.lua" WORKSPACE/.claude/agents/tester.md
-- with AGENTLS_BIN (the server), AGENTLS_NVIM_RTP (editors/nvim) and AGENTLS_NVIM_OUT (the
-- result file: one `ok - name` / `not ok - name: detail` line per check).
local out_file = assert(os.getenv('AGENTLS_NVIM_OUT'), 'AGENTLS_NVIM_OUT is not set')
local results = {}

local function check(name, ok, detail)
  local line = (ok and 'ok - ' or 'not ok - ') .. name
  if not ok and detail then
    line = line .. ': ' .. tostring(detail)
  end
  table.insert(results, line)
end

local function finish()
  vim.fn.writefile(results, out_file)
  vim.cmd('qa!')
end

local ok, err = xpcall(function()
  vim.opt.runtimepath:prepend(assert(os.getenv('AGENTLS_NVIM_RTP')))
  -- The shipped config, with the binary under test instead of `agentls` on the PATH.
  vim.lsp.config('agentls', { cmd = { assert(os.getenv('AGENTLS_BIN')), '--stdio' } })
  vim.lsp.enable('agentls')
  -- `--clean` skips filetype detection until a file is (re)loaded: reload it now.
  vim.cmd('filetype on')
  vim.cmd('edit!')

  local buf = vim.api.nvim_get_current_buf()
  check('filetype is markdown', vim.bo[buf].filetype == 'markdown', vim.bo[buf].filetype)

  local client
  vim.wait(10000, function()
    client = vim.lsp.get_clients({ bufnr = buf, name = 'agentls' })[1]
    return client ~= nil and client.initialized
  end, 20)
  check('agentls attached through vim.lsp.enable', client ~= nil)
  if not client then
    return
  end
  check('UTF-8 position encoding negotiated', client.offset_encoding == 'utf-8', client.offset_encoding)
  check(
    'root from root_markers is the workspace',
    client.root_dir == os.getenv('AGENTLS_NVIM_ROOT'),
    client.root_dir
  )

  local function diags()
    return vim.diagnostic.get(buf)
  end
  local function find_diag(code, lnum)
    for _, d in ipairs(diags()) do
      if d.code == code and (lnum == nil or d.lnum == lnum) then
        return d
      end
    end
  end
  local function line(n)
    return vim.api.nvim_buf_get_lines(buf, n, n + 1, false)[1]
  end
  local function request(method, params)
    local res = client:request_sync(method, params, 5000, buf)
    if not res then
      return nil, 'timeout'
    end
    return res.result, res.err
  end
  local uri = vim.uri_from_bufnr(buf)

  -- 1. Diagnostics appear.
  vim.wait(10000, function()
    return find_diag('claude-agent/unknown-model') ~= nil
  end, 20)
  local model = find_diag('claude-agent/unknown-model')
  check('diagnostic: unknown model `sonet` on line 5', model ~= nil and model.lnum == 4, vim.inspect(diags()))
  -- Neovim keeps pushed and pulled diagnostics in two namespaces: a server that offered both
  -- would show each finding twice.
  vim.wait(500, function() return false end, 50)
  local models = 0
  for _, d in ipairs(diags()) do
    if d.code == 'claude-agent/unknown-model' then
      models = models + 1
    end
  end
  check('each finding is shown once (not pushed and pulled)', models == 1, vim.inspect(diags()))

  -- UTF-8 columns: `Raed` comes after `Bāsh`, whose `ā` is 2 bytes (1 UTF-16 unit).
  local tools_line = line(3)
  local raed_col = tools_line:find('Raed', 1, true) - 1
  local raed
  for _, d in ipairs(diags()) do
    if d.code == 'claude-agent/unknown-tool' and d.lnum == 3 and d.message:find('Raed', 1, true) then
      raed = d
    end
  end
  check(
    'diagnostic columns are UTF-8 bytes (after a multi-byte character)',
    raed ~= nil and raed.col == raed_col and raed.end_col == raed_col + 4,
    raed and (raed.col .. '-' .. raed.end_col .. ' want ' .. raed_col) or 'no unknown-tool for Raed'
  )

  -- 2. Completion in `tools:` offers a built-in tool not listed yet.
  vim.api.nvim_buf_set_text(buf, 3, #tools_line, 3, #tools_line, { ', ' })
  local comp = request('textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = 3, character = #line(3) },
    context = { triggerKind = 2, triggerCharacter = ' ' },
  })
  local items = comp and (comp.items or comp) or {}
  local labels = {}
  for _, item in ipairs(items) do
    labels[item.label] = true
  end
  check('completion in tools offers the built-in tool Grep', labels['Grep'] == true, vim.inspect(vim.tbl_keys(labels)))
  vim.api.nvim_buf_set_text(buf, 3, #tools_line, 3, #tools_line + 2, { '' })

  -- 3. Hover on the `model` key shows its doc.
  local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 4, character = 2 } })
  local hover_text = ''
  if hover and hover.contents then
    hover_text = type(hover.contents) == 'string' and hover.contents or (hover.contents.value or vim.inspect(hover.contents))
  end
  check('hover on model: shows the doc', hover_text:find('sonnet', 1, true) ~= nil or hover_text:find('alias', 1, true) ~= nil, hover_text)

  -- 4. Go to section: the link `(#usage)` in the body jumps to `## Usage`.
  local link_line, heading_line
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find('(#usage)', 1, true) then
      link_line = i - 1
    end
    if l == '## Usage' then
      heading_line = i - 1
    end
  end
  local link_col = line(link_line):find('#usage', 1, true)
  local def = request('textDocument/definition', {
    textDocument = { uri = uri },
    position = { line = link_line, character = link_col },
  })
  local loc = def and (def[1] or def) or nil
  local target_line = loc and ((loc.range or loc.targetSelectionRange or loc.targetRange or {}).start or {}).line
  check('definition on #usage goes to the Usage heading', target_line == heading_line, vim.inspect(def))

  -- 5. A quick fix applied: `sonet` -> `sonnet`, and the diagnostic goes away.
  local lsp_diag = model and model.user_data and model.user_data.lsp
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = lsp_diag and lsp_diag.range or { start = { line = 4, character = 7 }, ['end'] = { line = 4, character = 12 } },
    context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
  }) or {}
  local fix
  for _, a in ipairs(actions) do
    if a.title and a.title:find('sonnet', 1, true) then
      fix = a
      break
    end
  end
  if fix and not fix.edit and fix.data then
    fix = request('codeAction/resolve', fix) or fix
  end
  check('quick fix for sonet offered', fix ~= nil and fix.edit ~= nil, vim.inspect(actions))
  if fix and fix.edit then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    check('quick fix applied: model: sonnet', line(4) == 'model: sonnet', line(4))
    vim.wait(5000, function()
      return find_diag('claude-agent/unknown-model') == nil
    end, 20)
    check('after the fix the unknown-model diagnostic is gone', find_diag('claude-agent/unknown-model') == nil)
  end

  -- 6. Edits are re-diagnosed: a bad colour appears, then goes when corrected.
  local color_line = line(5)
  vim.api.nvim_buf_set_text(buf, 5, 0, 5, #color_line, { 'color: magenta' })
  vim.wait(5000, function()
    return find_diag('claude-agent/invalid-value', 5) ~= nil
  end, 20)
  check('edit re-diagnosed: color: magenta is reported', find_diag('claude-agent/invalid-value', 5) ~= nil, vim.inspect(diags()))
  vim.api.nvim_buf_set_text(buf, 5, 0, 5, #'color: magenta', { 'color: cyan' })
  vim.wait(5000, function()
    return find_diag('claude-agent/invalid-value', 5) == nil
  end, 20)
  check('edit re-diagnosed: color: cyan clears it', find_diag('claude-agent/invalid-value', 5) == nil)

  -- Ordinary Markdown in the same workspace stays silent.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('AGENTLS_NVIM_ROOT') .. '/README.md'))
  local readme = vim.api.nvim_get_current_buf()
  vim.wait(1500, function()
    return #vim.diagnostic.get(readme) > 0
  end, 50)
  check('ordinary Markdown gets no diagnostics', #vim.diagnostic.get(readme) == 0, vim.inspect(vim.diagnostic.get(readme)))
end, debug.traceback)

if not ok then
  check('test script ran without a Lua error', false, err)
end
finish()
