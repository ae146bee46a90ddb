-- The plugin's commands, defined at start-up whichever way the client is started (setup() or vim.lsp.enable).
if vim.g.loaded_brieflint then
  return
end
vim.g.loaded_brieflint = true

vim.api.nvim_create_user_command('BrieflintReport', function()
  require('brieflint.report').report()
end, { desc = 'brieflint: write the sourcing report of this buffer and open it' })
