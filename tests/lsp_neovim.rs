//! `skillsmith lsp` through a real editor: headless Neovim (its built-in LSP client) opens a
//! broken skill, waits for the diagnostics, asks for the code actions at the finding, and
//! writes what it got to a file this test reads. Skips, saying why, without `nvim`.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common;

/// The probe that writes what the client received, run after the set-up docs/editors.md
/// gives.
const PROBE_LUA: &str = r#"
-- Works from Neovim 0.7 (Debian 12's) on: only APIs that exist there are used.
local out_file = os.getenv("SKILLSMITH_TEST_OUT")
local function finish(lines)
  local f = assert(io.open(out_file, "w"))
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
  vim.cmd("qall!")
end

local done = false
vim.api.nvim_create_autocmd("DiagnosticChanged", {
  callback = function(args)
    local diagnostics = vim.diagnostic.get(args.buf)
    if done or #diagnostics == 0 then return end
    done = true
    local lines = {}
    local wanted = diagnostics[1]
    for _, d in ipairs(diagnostics) do
      table.insert(lines, string.format("diagnostic %d:%d %s %s", d.lnum + 1, d.col + 1, tostring(d.code), (d.message:gsub("\n.*", ""))))
      if d.code == "SK115" then wanted = d end
    end
    local range = {
      start = { line = wanted.lnum, character = wanted.col },
      ["end"] = { line = wanted.end_lnum, character = wanted.end_col },
    }
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(args.buf),
      range = range,
      context = { diagnostics = { { range = range, message = wanted.message, code = wanted.code, source = "skillsmith" } } },
    }
    vim.lsp.buf_request(args.buf, "textDocument/codeAction", params, function(err, result)
      if err then table.insert(lines, "error " .. tostring(err.message)) end
      for _, action in ipairs(result or {}) do table.insert(lines, "action " .. action.title) end
      finish(lines)
    end)
  end,
})

vim.defer_fn(function() finish({ "timeout: no diagnostics" }) end, 60000)
"#;

/// The first Lua block of docs/editors.md: the Neovim set-up users are told to use.
fn documented_setup() -> String {
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/editors.md")).unwrap();
    let start = docs.find("```lua\n").expect("docs/editors.md has a Lua block") + "```lua\n".len();
    let end = start + docs[start..].find("```").unwrap();
    docs[start..end].to_string()
}

fn nvim_version() -> Option<String> {
    let output = Command::new("nvim").arg("--version").output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).lines().next().unwrap_or("").to_string())
}

#[test]
fn neovim_reads_the_diagnostics_and_a_code_action() {
    let Some(version) = nvim_version() else {
        eprintln!("skipped: `nvim` is not installed (Debian: apt-get install neovim); the editor test needs it");
        return;
    };
    let tmp = common::repo();
    let root = tmp.path();
    let skill = common::write(
        root,
        ".claude/skills/pdf-tables/SKILL.md",
        "---\nname: pdf-tables\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\nversion: 1.0\n---\n# PDF tables\n\nSee references/missing.md.\n",
    );
    let init =
        common::write(root, "init.lua", &format!("vim.cmd(\"filetype on\")\n{}\n{PROBE_LUA}", documented_setup()));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_skillsmith")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = root.join("nvim-out.txt");
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut child = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(&init)
        .arg(&skill)
        .current_dir(root)
        .env("PATH", path)
        .env("SKILLSMITH_TEST_OUT", &out)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim ({version}) did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let stderr = child.wait_with_output().map(|o| String::from_utf8_lossy(&o.stderr).into_owned()).unwrap_or_default();
    let got = format!("{}\n(nvim stderr: {stderr})", read(&out));
    assert!(got.contains("diagnostic 4:1 SK115"), "{version}:\n{got}");
    assert!(got.contains("diagnostic 8:5 SK400"), "{version}:\n{got}");
    assert!(got.lines().any(|l| l.starts_with("action ") && l.contains("metadata") && l.contains("SK115")), "{got}");
    assert!(got.lines().any(|l| l.starts_with("action Suppress SK115")), "{got}");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| format!("(no output file: {err})"))
}
