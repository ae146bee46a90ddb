-- Neovim 0.11+: with this plugin on the runtime path, `vim.lsp.enable('brieflint')` starts brieflint for
-- markdown and text buffers without calling setup(): only in a folder marked for brieflint (a brieflint.toml or a
-- .brieflint/ folder at or above the file), as an editor opens many Markdown files that are not briefings.
-- require('brieflint').setup({ always = true }) lints every markdown and text buffer instead.
return {
  cmd = { 'brieflint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'brieflint.toml', '.brieflint' },
  workspace_required = true,
}
