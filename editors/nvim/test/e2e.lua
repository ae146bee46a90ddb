-- Headless end-to-end test of the brieflint plugin with the real server:
--   BRIEFLINT_BIN=path/to/brieflint nvim --headless -u NONE -c 'luafile editors/nvim/test/e2e.lua'
-- Loads the plugin from the repository, opens a copy of test/fixture.md, waits for diagnostics, checks that
-- unattributed-claim findings arrive on exactly the expected lines, hovers an acronym and reads the actor card,
-- completes a group's name from its first letters, writes the sourcing report of the unsaved buffer with
-- :BrieflintReport (the opener stubbed), then opens a .txt copy and checks its findings too; then
-- checks that no client starts for a file in a folder without brieflint.toml or .brieflint/, and that
-- setup({ always = true }) lints one there. Exits 0 on success; any failure prints why and exits 1.
--
-- BRIEFLINT_NVIM_MODE picks how the client is started:
--   setup   require('brieflint').setup() (default; vim.lsp.config on 0.11+, FileType autocommand before)
--   enable  0.11+ only: no setup(), just vim.lsp.enable('brieflint'), which reads the plugin's lsp/brieflint.lua
--   start   0.11+ run as if it were 0.8-0.10: setup() without vim.lsp.config, so vim.lsp.start is used
local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

-- Lines (1-based) of fixture.md that state facts with no source; 5 cites Dawn and 9 quotes the TTP.
local UNSOURCED_LINES = { 3, 7 }

local function start_client(mode, plugin_dir, cmd)
  if mode == 'enable' then
    if not vim.lsp.enable then
      error('mode "enable" needs Neovim 0.11+')
    end
    -- Only the command is overridden; filetypes and root markers come from the plugin's lsp/brieflint.lua.
    vim.lsp.config('brieflint', { cmd = cmd })
    vim.lsp.enable('brieflint')
    return
  end
  if mode == 'start' then
    if not vim.lsp.start then
      error('mode "start" needs Neovim 0.8+')
    end
    vim.lsp.config = nil
    vim.lsp.enable = nil
  elseif mode ~= 'setup' then
    error('unknown BRIEFLINT_NVIM_MODE ' .. mode)
  end
  require('brieflint').setup({ cmd = cmd })
end

local function main()
  local here = debug.getinfo(1, 'S').source:sub(2)
  local plugin_dir = vim.fn.fnamemodify(here, ':p:h:h')
  vim.opt.runtimepath:prepend(plugin_dir)
  -- -u NONE loads no plugin/ scripts: load the plugin's as a start-up would.
  vim.cmd('runtime! plugin/brieflint.lua')
  local bin = os.getenv('BRIEFLINT_BIN') or 'brieflint'
  local mode = os.getenv('BRIEFLINT_NVIM_MODE') or 'setup'
  vim.cmd('filetype on')

  -- A workspace of our own, with a root marker, holding a copy of the fixture one folder down (so the root
  -- must come from the marker, not from the file's folder).
  local workspace = vim.fn.tempname()
  vim.fn.mkdir(workspace .. '/.brieflint', 'p')
  vim.fn.mkdir(workspace .. '/notes', 'p')
  local file = workspace .. '/notes/weekly.md'
  vim.fn.writefile(vim.fn.readfile(plugin_dir .. '/test/fixture.md'), file)

  local cmd = { bin, 'lsp' }
  start_client(mode, plugin_dir, cmd)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'markdown' then
    return fail('the fixture opened with filetype "' .. vim.bo[bufnr].filetype .. '", not markdown')
  end

  local function clients()
    if vim.lsp.get_clients then
      return vim.lsp.get_clients({ bufnr = bufnr, name = 'brieflint' })
    end
    return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
  end
  local function initialized()
    local client = clients()[1]
    return client ~= nil and client.initialized == true or (client ~= nil and client.server_capabilities ~= nil
      and next(client.server_capabilities) ~= nil)
  end
  if not vim.wait(15000, initialized, 20) then
    return fail('the brieflint client did not start and initialise (command: ' .. bin .. ' lsp)')
  end
  local root = clients()[1].config.root_dir or ''
  if vim.fn.resolve(vim.fn.fnamemodify(root, ':p')) ~= vim.fn.resolve(vim.fn.fnamemodify(workspace, ':p')) then
    return fail('root_dir is ' .. root .. ', expected the folder with .brieflint/: ' .. workspace)
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
  if not vim.wait(15000, function() return #unattributed_lines() >= #UNSOURCED_LINES end, 20) then
    return fail('unattributed-claim diagnostics did not arrive; got ' .. vim.inspect(unattributed_lines()))
  end
  -- Let any late or duplicate publication land before judging the set.
  vim.wait(300)
  local lines = unattributed_lines()
  if not vim.deep_equal(lines, UNSOURCED_LINES) then
    return fail('unattributed-claim on lines ' .. vim.inspect(lines) .. ', expected ' .. vim.inspect(UNSOURCED_LINES))
  end

  -- Hover on the acronym "TTP" on line 9: the actor card names the group in full.
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
  if not hover_text:find('Tehreek-e-Taliban Pakistan', 1, true) or not hover_text:find('armed group', 1, true) then
    return fail('hover on TTP did not show the armed group\'s card: ' .. hover_text)
  end

  -- Type the start of a group's name on a new line and ask for completions there.
  local typed = 'Claims by the Balochistan Lib'
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '', typed })
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local completion_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = last, character = #typed },
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
  if not ok or not joined:find('Balochistan Liberation Army', 1, true) then
    return fail('completion after "' .. typed .. '" offered: ' .. joined)
  end

  -- :BrieflintReport writes the report of the buffer's current, unsaved text and hands it to the opener.
  local opened
  require('brieflint.report').open = function(path)
    opened = path
  end
  vim.cmd('BrieflintReport')
  if not vim.wait(10000, function() return opened ~= nil end, 20) then
    return fail(':BrieflintReport did not write and open a report')
  end
  local report = table.concat(vim.fn.readfile(opened), '\n')
  if not report:find('<!DOCTYPE html>', 1, true) or not report:find('data-path=', 1, true)
    or not report:find(typed, 1, true) then
    return fail(':BrieflintReport wrote ' .. opened .. ' without the unsaved text: ' .. report:sub(1, 200))
  end

  -- A plain-text buffer gets the server too, with the same findings.
  local text_file = workspace .. '/notes/weekly.txt'
  vim.fn.writefile(vim.fn.readfile(plugin_dir .. '/test/fixture.md'), text_file)
  vim.cmd('edit ' .. vim.fn.fnameescape(text_file))
  bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'text' then
    return fail('the .txt copy opened with filetype "' .. vim.bo[bufnr].filetype .. '", not text')
  end
  if not vim.wait(15000, function() return #unattributed_lines() >= #UNSOURCED_LINES end, 20) then
    return fail('no unattributed-claim diagnostics in the text buffer; got ' .. vim.inspect(unattributed_lines()))
  end
  vim.wait(300)
  if not vim.deep_equal(unattributed_lines(), UNSOURCED_LINES) then
    return fail('text buffer: unattributed-claim on lines ' .. vim.inspect(unattributed_lines()))
  end

  -- A folder without brieflint.toml or .brieflint/: brieflint is not started there...
  local unmarked = vim.fn.tempname()
  vim.fn.mkdir(unmarked, 'p')
  vim.fn.writefile(vim.fn.readfile(plugin_dir .. '/test/fixture.md'), unmarked .. '/notes.md')
  vim.cmd('edit ' .. vim.fn.fnameescape(unmarked .. '/notes.md'))
  bufnr = vim.api.nvim_get_current_buf()
  -- Long enough for a client to have started had one been going to.
  vim.wait(1500)
  if #clients() > 0 then
    return fail('brieflint started for a file in a folder without brieflint.toml or .brieflint/: ' .. unmarked)
  end
  -- ...unless it is told to lint everything.
  require('brieflint').setup({ cmd = cmd, always = true })
  vim.fn.writefile(vim.fn.readfile(plugin_dir .. '/test/fixture.md'), unmarked .. '/always.md')
  vim.cmd('edit ' .. vim.fn.fnameescape(unmarked .. '/always.md'))
  bufnr = vim.api.nvim_get_current_buf()
  if not vim.wait(15000, function() return #unattributed_lines() >= #UNSOURCED_LINES end, 20) then
    return fail('setup({ always = true }): no diagnostics in a folder without brieflint.toml; got '
      .. vim.inspect(unattributed_lines()))
  end

  local version = vim.fn.execute('version'):match('NVIM v[%w%.%-]+') or '?'
  print(string.format('nvim e2e (%s, mode %s): ok: unattributed-claim on lines %s in .md and .txt, hover on TTP, completion %q, '
    .. 'sourcing report written, not started without brieflint.toml, started with always\n',
    version, mode, table.concat(lines, ','), labels[1]))
  vim.cmd('qall!')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  fail(err)
end
