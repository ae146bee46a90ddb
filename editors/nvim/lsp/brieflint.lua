-- Neovim 0.11+: with this plugin on the runtime path, `vim.lsp.enable('brieflint')` starts brieflint for
-- markdown and text buffers without calling setup().
return {
  cmd = { 'brieflint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.brieflint', 'brieflint.toml', '.git' },
}
