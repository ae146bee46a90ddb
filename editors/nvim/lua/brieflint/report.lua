-- :BrieflintReport: the sourcing report of the current buffer's text, made by the server
-- (workspace/executeCommand "brieflint.sourcingReport"), written to a temporary HTML file and opened with the
-- system's opener.
local M = {}

--- Open a file with the system's opener: vim.ui.open on 0.10+, else xdg-open (open on macOS). Tests replace it.
function M.open(path)
  if vim.ui and vim.ui.open then
    return vim.ui.open(path)
  end
  local opener = vim.fn.has('mac') == 1 and 'open' or 'xdg-open'
  vim.fn.jobstart({ opener, path }, { detach = true })
end

local function brieflint_client(bufnr)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr, name = 'brieflint' })
    or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == 'brieflint' then
      return client
    end
  end
  return nil
end

local function fail(message)
  vim.notify('brieflint: ' .. message, vim.log.levels.ERROR)
end

--- Ask the server for the buffer's report, write it and open it; `done(path)` is called once it is written.
function M.report(bufnr, done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = brieflint_client(bufnr)
  if not client then
    return fail('no sourcing report: brieflint is not running for this buffer')
  end
  local params = { command = 'brieflint.sourcingReport', arguments = { vim.uri_from_bufnr(bufnr) } }
  local function handler(err, result)
    if err or type(result) ~= 'table' or type(result.html) ~= 'string' then
      return fail('no sourcing report: ' .. (err and err.message or 'the server sent none'))
    end
    local path = vim.fn.tempname() .. '-brieflint-report.html'
    local file, open_error = io.open(path, 'w')
    if not file then
      return fail('cannot write the sourcing report: ' .. tostring(open_error))
    end
    file:write(result.html)
    file:close()
    M.open(path)
    if done then
      done(path)
    end
  end
  -- 0.11 made request a method; 0.7-0.10 take the client as a plain table.
  if vim.fn.has('nvim-0.11') == 1 then
    client:request('workspace/executeCommand', params, handler, bufnr)
  else
    client.request('workspace/executeCommand', params, handler, bufnr)
  end
end

return M
