-- brieflint for Neovim: starts `brieflint lsp` for markdown and text buffers.
-- Neovim 0.11+: registers a vim.lsp.config entry and enables it. 0.8-0.10: vim.lsp.start from a FileType
-- autocommand. 0.7: vim.lsp.start_client and buf_attach_client, one client per root.
local M = {}

M.defaults = {
  cmd = { 'brieflint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  -- The workspace root is the nearest folder holding one of these. Without one brieflint is not started, unless
  -- `always` is set: then the file's own folder is the root.
  root_markers = { 'brieflint.toml', '.brieflint' },
  -- Lint every markdown and text buffer, not only those in a folder marked for brieflint (sends enable = 'always').
  always = false,
  -- Sent as initializationOptions and as the "brieflint" section of workspace/configuration:
  -- { rules = { ['relative-date'] = 'off' }, knowledgeBase = 'path', likelihoodScale = 'icd203' }
  settings = {},
}

M.options = vim.deepcopy(M.defaults)

--- The root folder for a buffer: the nearest folder with a root marker; else the file's folder with `always`,
--- and nil without (brieflint is not started).
function M.root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr or 0)
  local start = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local dir = start
  while dir and dir ~= '' do
    for _, marker in ipairs(M.options.root_markers) do
      local path = dir .. '/' .. marker
      if vim.fn.isdirectory(path) == 1 or vim.fn.filereadable(path) == 1 then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      break
    end
    dir = parent
  end
  if M.options.always then
    return start
  end
  return nil
end

local function settings_handler(_, result)
  -- Answer workspace/configuration with our settings for the "brieflint" section.
  local answers = {}
  for i, item in ipairs(result.items or {}) do
    answers[i] = (item.section == nil or item.section == 'brieflint') and M.options.settings or vim.NIL
  end
  return answers
end

--- The client configuration, as vim.lsp.config and vim.lsp.start take it.
function M.client_config(root)
  return {
    name = 'brieflint',
    cmd = M.options.cmd,
    root_dir = root,
    init_options = M.options.settings,
    settings = { brieflint = M.options.settings },
    handlers = { ['workspace/configuration'] = settings_handler },
  }
end

local legacy_clients = {}

--- Start (or reuse) the client for a buffer on Neovim before 0.11.
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = M.root_dir(bufnr)
  if not root then
    return nil
  end
  if vim.lsp.start then
    return vim.lsp.start(M.client_config(root), { bufnr = bufnr })
  end
  -- Neovim 0.7: no vim.lsp.start.
  local id = legacy_clients[root]
  if not id or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(M.client_config(root))
    legacy_clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  if M.options.always and M.options.settings.enable == nil then
    M.options.settings.enable = 'always'
  end
  if vim.lsp.config and vim.lsp.enable then
    local config = M.client_config(nil)
    config.filetypes = M.options.filetypes
    -- Overrides lsp/brieflint.lua's, which vim.lsp.config merges in from the runtime path.
    config.workspace_required = not M.options.always
    config.root_dir = function(bufnr, on_dir)
      local root = M.root_dir(bufnr)
      -- Not calling on_dir leaves the buffer without a client.
      if root then
        on_dir(root)
      end
    end
    vim.lsp.config('brieflint', config)
    vim.lsp.enable('brieflint')
    return
  end
  local group = vim.api.nvim_create_augroup('brieflint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
end

return M
