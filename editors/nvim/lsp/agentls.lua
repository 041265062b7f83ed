-- agentls for Neovim 0.11+: copy this file to ~/.config/nvim/lsp/agentls.lua (or put
-- editors/nvim on your 'runtimepath'), then call vim.lsp.enable('agentls').
--
-- agentls attaches to every Markdown buffer and decides per file whether it is an agent spec
-- (.claude/agents/*.md, agents/ folders, Copilot *.agent.md / *.prompt.md …); ordinary
-- Markdown gets no diagnostics. Settings use the agentls.toml shape, e.g.
--   vim.lsp.config('agentls', { init_options = { rules = { ['claude-agent/name-mismatch'] = 'off' } } })
---@type vim.lsp.Config
return {
  cmd = { 'agentls', '--stdio' },
  filetypes = { 'markdown' },
  -- The project root: the nearest folder with one of these (in this order of preference).
  root_markers = { 'agentls.toml', '.agentls.toml', '.claude', '.git' },
  -- The agentls.toml shape as JSON (rules, ignore, mcp-servers, formats); empty: agentls.toml alone.
  init_options = vim.empty_dict(),
}
