-- Headless end-to-end test of the brieflint plugin with the real server:
--   BRIEFLINT_BIN=... nvim --headless -u NONE -c 'luafile editors/nvim/test/e2e.lua'
-- Loads the plugin from the repository, opens a copy of test/fixture.md, waits for diagnostics, checks that
-- unattributed-claim findings arrive on the expected lines, hovers an acronym, and completes a group's name.
-- Exits 0 on success; any failure prints why and exits 1.
local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function main()
  local here = debug.getinfo(1, 'S').source:sub(2)
  local plugin_dir = vim.fn.fnamemodify(here, ':p:h:h')
  vim.opt.runtimepath:prepend(plugin_dir)
  local bin = os.getenv('BRIEFLINT_BIN') or 'brieflint'

  -- A workspace of our own, with a root marker, holding a copy of the fixture.
  local workspace = vim.fn.tempname()
  vim.fn.mkdir(workspace .. '/.brieflint', 'p')
  local file = workspace .. '/note.md'
  vim.fn.writefile(vim.fn.readfile(plugin_dir .. '/test/fixture.md'), file)

  require('brieflint').setup({ cmd = { bin, 'lsp' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'markdown' then
    vim.bo[bufnr].filetype = 'markdown'
  end

  local function clients()
    if vim.lsp.get_clients then
      return vim.lsp.get_clients({ bufnr = bufnr, name = 'brieflint' })
    end
    return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
  end
  if not vim.wait(15000, function() return #clients() > 0 end, 50) then
    return fail('the brieflint client did not attach')
  end
  if vim.fn.fnamemodify(clients()[1].config.root_dir or '', ':p') ~= vim.fn.fnamemodify(workspace, ':p') then
    return fail('root_dir is ' .. tostring(clients()[1].config.root_dir) .. ', expected ' .. workspace)
  end

  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local function unattributed_lines()
    local lines = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == 'unattributed-claim' then
        table.insert(lines, d.lnum + 1)
      end
    end
    table.sort(lines)
    return lines
  end
  if not vim.wait(15000, function() return #unattributed_lines() > 0 end, 50) then
    return fail('no unattributed-claim diagnostics arrived')
  end
  -- Lines 3 and 7 state facts with no source; line 5 cites Dawn; line 9 is a statement about the TTP.
  local lines = unattributed_lines()
  if not vim.tbl_contains(lines, 3) or not vim.tbl_contains(lines, 7) or vim.tbl_contains(lines, 5) then
    return fail('unattributed-claim on lines ' .. vim.inspect(lines) .. ', expected 3 and 7 and not 5')
  end

  -- Hover on the acronym "TTP" on line 9.
  local line9 = vim.api.nvim_buf_get_lines(bufnr, 8, 9, false)[1]
  local col = line9:find('TTP', 1, true) - 1
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 8, character = col } }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
  local hover_text = ''
  for _, response in pairs(hover) do
    local contents = response.result and response.result.contents
    if type(contents) == 'table' then
      hover_text = hover_text .. (contents.value or vim.inspect(contents))
    elseif type(contents) == 'string' then
      hover_text = hover_text .. contents
    end
  end
  if not hover_text:find('Tehreek%-e%-Taliban Pakistan') then
    return fail('hover on TTP did not show the actor card: ' .. hover_text)
  end

  -- Type the start of a group's name on a new line and ask for completions.
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '', 'Baloch Lib' })
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local completion_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = last, character = #'Baloch Lib' },
  }
  local labels = {}
  local ok = vim.wait(10000, function()
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', completion_params, 5000) or {}
    for _, response in pairs(responses) do
      local result = response.result or {}
      for _, item in ipairs(result.items or result) do
        table.insert(labels, item.label)
      end
    end
    return #labels > 0
  end, 200)
  local joined = table.concat(labels, ' | ')
  if not ok or not joined:find('Baloch Liberation Army') then
    return fail('completion after "Baloch Lib" offered: ' .. joined)
  end

  print('nvim e2e: ok (' .. vim.inspect(lines) .. '; hover and completion checked)')
  vim.cmd('qall!')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  fail(err)
end
