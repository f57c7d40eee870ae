//! End-to-end tests of `frontlint lsp`: the real binary driven over stdio with JSON-RPC.

#[path = "support/lsp_client.rs"]
mod lsp_client;
mod support;

use std::path::PathBuf;
use std::process::Command;

use lsp_client::{Client, apply_edits, file_uri};
use serde_json::{Value, json};

/// A post whose title YAML cannot read, with non-ASCII text before the problem: é (two UTF-8
/// bytes, one UTF-16 unit), 🦀 (four bytes, a surrogate pair) and Tamil (three bytes each).
const BAD_POST: &str = "---\nlayout: post\ntitle: Café 🦀 தமிழ் launch: today\n---\nBody é\n";

/// A throwaway site folder under the target dir, removed and recreated per test.
fn site(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::site(&format!("lsp/{name}"), files)
}

fn open(client: &mut Client, uri: &str, version: i64, text: &str) {
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": version, "text": text } }),
    );
}

fn change(client: &mut Client, uri: &str, version: i64, changes: Value) {
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
    );
}

fn codes(diagnostics: &Value) -> Vec<&str> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or(""))
        .collect()
}

/// The start of the problem in BAD_POST (the `: ` after "launch"), in each encoding, worked
/// out here independently of the server.
fn problem_column(encoding: &str) -> u64 {
    let line = "title: Café 🦀 தமிழ் launch: today";
    let prefix = &line[..line.find("launch:").unwrap() + "launch".len()];
    (match encoding {
        "utf-16" => prefix.encode_utf16().count(),
        "utf-8" => prefix.len(),
        _ => unreachable!(),
    }) as u64
}

#[test]
fn diagnostics_quick_fix_and_clean_shutdown_in_utf16() {
    let dir = site("utf16", &[("_config.yml", "title: Site\n")]);
    let path = dir.join("_posts/2024-03-08-launch.md");
    let uri = file_uri(&path);
    let mut client = Client::start(&dir);
    let init = client.initialize(&dir, json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "frontlint");

    // didOpen: the post is linted from the editor's text (the file is not even on disk).
    open(&mut client, &uri, 1, BAD_POST);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    assert_eq!(codes(&published), ["FL103"]);
    let diagnostic = &published["diagnostics"][0];
    let column = problem_column("utf-16");
    assert_eq!(
        column, 27,
        "7 + Café 4 + 1 + 🦀 2 + 1 + Tamil 5 + 1 + launch 6"
    );
    assert_eq!(
        diagnostic["range"],
        json!({ "start": { "line": 2, "character": column }, "end": { "line": 2, "character": column + 1 } })
    );
    assert_eq!(diagnostic["severity"], 1);
    assert_eq!(diagnostic["source"], "frontlint");
    let href = diagnostic["codeDescription"]["href"].as_str().unwrap();
    assert!(href.starts_with("https://"), "{href}");
    assert!(
        href.ends_with("/rules/FL103-yaml-syntax-error.md"),
        "{href}"
    );
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("quote the value")
    );

    // The quick fix under the cursor: safe, so preferred.
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        }),
    );
    let actions = response["result"].as_array().unwrap();
    let quick_fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("no preferred quick fix in {response}"));
    assert_eq!(quick_fix["diagnostics"][0]["code"], "FL103");
    let edits = quick_fix["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply_edits(BAD_POST, edits, "utf-16");
    assert_eq!(
        fixed,
        "---\nlayout: post\ntitle: \"Café 🦀 தமிழ் launch: today\"\n---\nBody é\n"
    );

    // The editor applies the edit and reports it as incremental changes.
    let mut sorted = edits.clone();
    sorted.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let changes: Vec<Value> = sorted
        .iter()
        .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
        .collect();
    change(&mut client, &uri, 2, Value::Array(changes));
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]));

    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["diagnostics"], json!([]));
    assert!(published.get("version").is_none());

    let status = client.shutdown();
    assert_eq!(status.code(), Some(0));
}

/// (line, character) for sorting positions.
fn offset(position: &Value) -> (u64, u64) {
    (
        position["line"].as_u64().unwrap(),
        position["character"].as_u64().unwrap(),
    )
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = site("utf8", &[]);
    let uri = file_uri(&dir.join("_posts/2024-03-08-launch.md"));
    let mut client = Client::start(&dir);
    let init = client.initialize(
        &dir,
        json!({ "general": { "positionEncodings": ["utf-16", "utf-8"] } }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    open(&mut client, &uri, 1, BAD_POST);
    let published = client.diagnostics(&uri);
    let column = problem_column("utf-8");
    assert_eq!(
        column, 40,
        "7 + Café 5 + 1 + 🦀 4 + 1 + Tamil 15 + 1 + launch 6"
    );
    assert_eq!(
        published["diagnostics"][0]["range"]["start"],
        json!({ "line": 2, "character": column })
    );
    // A code action's edit is in UTF-8 too.
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": published["diagnostics"][0]["range"],
            "context": { "diagnostics": [] },
        }),
    );
    let edit = &response["result"][0]["edit"]["changes"][&uri];
    let fixed = apply_edits(BAD_POST, edit.as_array().unwrap(), "utf-8");
    assert!(
        fixed.contains("title: \"Café 🦀 தமிழ் launch: today\""),
        "{fixed}"
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn fix_all_applies_every_safe_fix_until_stable() {
    // The broken `subtitle` hides `title: No` until it is quoted; fix-all does both rounds,
    // as `frontlint check --fix` does.
    let text = "---\ntitle: No\nsubtitle: Café: 🦀\n---\nBody\n";
    let dir = site("fix-all", &[]);
    let path = dir.join("_posts/2024-03-08-fix-all.md");
    let uri = file_uri(&path);
    let mut client = Client::start(&dir);
    client.initialize(
        &dir,
        json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } }),
    );
    open(&mut client, &uri, 7, text);
    client.diagnostics(&uri);
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    let actions = response["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{response}");
    assert_eq!(actions[0]["kind"], "source.fixAll.frontlint");
    // Versioned edits: the client refuses them if the text moved on.
    let document_change = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(document_change["textDocument"]["version"], 7);
    // Two fixes, two edits, each only over what it changes (never the text between them).
    let edits = document_change["edits"].as_array().unwrap();
    let replacements: Vec<&str> = edits
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert_eq!(replacements, ["\"No\"", "\"Café: 🦀\""], "{edits:?}");
    let fixed = apply_edits(text, edits, "utf-16");
    let cli = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(["check", "-", "--fix", "--stdin-filename"])
        .arg(&path)
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(fixed, String::from_utf8(cli.stdout).unwrap());
    assert_eq!(
        fixed,
        "---\ntitle: \"No\"\nsubtitle: \"Café: 🦀\"\n---\nBody\n"
    );
    change(&mut client, &uri, 8, json!([{ "text": fixed }]));
    let published = client.diagnostics(&uri);
    assert_eq!(
        (
            published["version"].clone(),
            published["diagnostics"].clone()
        ),
        (json!(8), json!([]))
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn answers_follow_every_change_before_them() {
    // However the debounce timer falls, a request is answered on the text as changed by every
    // notification before it, and the last diagnostics published before the answer are for
    // that text.
    let dir = site("debounce", &[]);
    let uri = file_uri(&dir.join("_posts/2024-03-08-typing.md"));
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    open(&mut client, &uri, 1, "---\ntitle: x\n---\n");
    assert_eq!(codes(&client.diagnostics(&uri)), Vec::<&str>::new());
    // Replace `x` with `No`, one keystroke at a time: YAML reads the result as `false`.
    let keystrokes = [((7, 8), ""), ((7, 7), "N"), ((8, 8), "o")];
    for (version, ((start, end), typed)) in keystrokes.into_iter().enumerate() {
        let range = json!({
            "start": { "line": 1, "character": start },
            "end": { "line": 1, "character": end },
        });
        change(
            &mut client,
            &uri,
            version as i64 + 2,
            json!([{ "range": range, "text": typed }]),
        );
    }
    let id = client.send_request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 2 } }),
    );
    let (before, hover) = client.messages_before_response(id);
    let last = before
        .iter()
        .rev()
        .find(|m| m["method"] == "textDocument/publishDiagnostics")
        .expect("the pending lint is published before the answer");
    assert_eq!(last["params"]["version"], 4);
    assert_eq!(codes(&last["params"]), ["FL107"]);
    // The hover is on `title`, from the built-in preset's schema.
    let contents = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(contents.starts_with("**`title`**: string"), "{contents}");
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn hover_shows_the_field_schema_from_the_config() {
    let config = "\
collections:
  - name: media-releases
    paths: [\"_posts/**\"]
    fields:
      layout:
        required: true
        enum: [post, link]
        description: the layout in _layouts/
";
    let dir = site("hover", &[(".frontlint.yml", config)]);
    let uri = file_uri(&dir.join("_posts/2024-03-08-a.md"));
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    let text = "---\ntitle: Café 🦀\nlayout: post\n---\n";
    open(&mut client, &uri, 1, text);
    client.diagnostics(&uri);
    let response = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 3 } }),
    );
    let hover = &response["result"];
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert_eq!(
        hover["contents"]["value"],
        "**`layout`**: string — required\n\nthe layout in _layouts/\n\n- one of `post`, `link`\n\n\
         From collection `media-releases`, overriding collection `jekyll` (config: `.frontlint.yml`)."
    );
    assert_eq!(
        hover["range"],
        json!({ "start": { "line": 2, "character": 0 }, "end": { "line": 2, "character": 6 } })
    );
    // A value, or a key the config does not describe: nothing to show.
    let response = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 10 } }),
    );
    assert_eq!(response["result"], Value::Null);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn config_changes_are_picked_up_from_file_events() {
    let dir = site("reload", &[]);
    let uri = file_uri(&dir.join("_posts/2024-03-08-a.md"));
    let mut client = Client::start(&dir);
    client.initialize(
        &dir,
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
    );
    // The server registers its watchers; the client says yes.
    let registration = client.wait_for("client/registerCapability", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    let globs: Vec<&str> = watchers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(
        globs,
        [
            "**/.frontlint.{yml,yaml}",
            "**/_config*.{yml,yaml}",
            "**/_*/collection.yml",
            "**/*.{md,markdown,mkdown,mkdn,mkd}"
        ]
    );
    client.send(json!({ "jsonrpc": "2.0", "id": registration["id"], "result": null }));

    open(&mut client, &uri, 1, "---\ntitle: A\n---\n");
    assert_eq!(codes(&client.diagnostics(&uri)), Vec::<&str>::new());
    let config = "collections:\n  - paths: [\"_posts/**\"]\n    fields:\n      summary: { required: true }\n";
    std::fs::write(dir.join(".frontlint.yml"), config).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&dir.join(".frontlint.yml")), "type": 1 }] }),
    );
    assert_eq!(codes(&client.diagnostics(&uri)), ["FL201"]);

    // A broken config is shown on the document instead of silently linting nothing.
    std::fs::write(dir.join(".frontlint.yml"), "rules: [oops\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&dir.join(".frontlint.yml")), "type": 2 }] }),
    );
    let published = client.diagnostics(&uri);
    let message = published["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("frontlint cannot read its config"),
        "{message}"
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn malformed_messages_and_unknown_methods_leave_the_server_alive() {
    let dir = site("robust", &[]);
    let uri = file_uri(&dir.join("_posts/2024-03-08-launch.md"));
    let mut client = Client::start(&dir);

    // Before initialize, requests are refused as the protocol says.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    // Capabilities of shapes no client should send (a number for a list, a stray item) are
    // not a reason to refuse the session.
    let init = client.initialize(
        &dir,
        json!({
            "textDocument": { "hover": { "contentFormat": 5 } },
            "general": { "positionEncodings": [7, "utf-16"] },
        }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");

    // Not JSON: a parse error with a null id.
    client.send_body(b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    let parse_error = client.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    // Not valid UTF-8 either.
    client.send_body(b"\xff\xfe{}");
    client.wait_for("a second parse error", |m| m["error"]["code"] == -32700);
    // JSON, but not a message: invalid request, answered with its id.
    client.send(json!({ "jsonrpc": "2.0", "id": 41 }));
    let invalid = client.wait_for("an invalid request error", |m| m["error"]["code"] == -32600);
    assert_eq!(invalid["id"], 41);
    // An unknown request: method not found. An unknown notification: ignored.
    let unknown = client.request("frontlint/noSuchThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    client.notify("frontlint/noSuchNotification", json!({}));
    // Params of the wrong shape: invalid params.
    let bad_params = client.request("textDocument/codeAction", json!({ "textDocument": 3 }));
    assert_eq!(bad_params["error"]["code"], -32602);
    // A second initialize is refused.
    let again = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(again["error"]["code"], -32600);

    // Still serving.
    open(&mut client, &uri, 1, BAD_POST);
    let published = client.diagnostics(&uri);
    assert_eq!(codes(&published), ["FL103"]);
    // Another server's diagnostic in the context, with a link that is no URI, is not ours to
    // judge: the request is answered.
    let foreign = json!({
        "range": published["diagnostics"][0]["range"],
        "message": "from another server",
        "codeDescription": { "href": "not a uri" },
    });
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": published["diagnostics"][0]["range"],
            "context": { "diagnostics": [foreign] },
        }),
    );
    assert_eq!(response["result"][0]["kind"], "quickfix", "{response}");
    let log = client.log();
    assert_eq!(client.shutdown().code(), Some(0), "{log}");
}

#[test]
fn requests_after_shutdown_are_refused_and_exit_without_shutdown_fails() {
    let dir = site("lifecycle", &[]);
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    let response = client.request("shutdown", Value::Null);
    assert_eq!(response["result"], Value::Null);
    let after = client.request("textDocument/hover", json!({}));
    assert_eq!(after["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(0));

    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));

    // The client going away without a word ends the server too.
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    assert_eq!(client.wait().code(), Some(1));
}

#[test]
fn suppressions_apply_and_an_unused_one_is_marked_unnecessary() {
    let dir = site("suppressions", &[]);
    let uri = file_uri(&dir.join("_posts/2024-03-08-a.md"));
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    let text = "---\ntitle: No  # frontlint-disable-line implicit-yaml-type\nlayout: post  # frontlint-disable-line FL104\n---\n";
    open(&mut client, &uri, 1, text);
    let published = client.diagnostics(&uri);
    assert_eq!(codes(&published), ["FL904"], "{published}");
    let diagnostic = &published["diagnostics"][0];
    assert_eq!(diagnostic["range"]["start"]["line"], 2);
    assert_eq!(
        diagnostic["tags"],
        json!([1]),
        "1 is DiagnosticTag.Unnecessary"
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn without_file_watching_a_save_reads_the_configs_again() {
    let dir = site("reload-on-save", &[]);
    let path = dir.join("_posts/2024-03-08-a.md");
    let uri = file_uri(&path);
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    open(&mut client, &uri, 1, "---\ntitle: A\n---\n");
    assert_eq!(codes(&client.diagnostics(&uri)), Vec::<&str>::new());
    let config = "collections:\n  - paths: [\"_posts/**\"]\n    fields:\n      summary: { required: true }\n";
    std::fs::write(dir.join(".frontlint.yml"), config).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(codes(&client.diagnostics(&uri)), ["FL201"]);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn hover_on_date_and_permalink_shows_what_jekyll_publishes() {
    let dir = site(
        "publication",
        &[("_config.yml", "timezone: Asia/Singapore\n")],
    );
    let uri = file_uri(&dir.join("_posts/2024-03-08-launch.md"));
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    let text =
        "---\ntitle: Launch\ndate: 2024-03-08 10:00:00 +0800\npermalink: /media/launch/\n---\n";
    open(&mut client, &uri, 1, text);
    client.diagnostics(&uri);
    let hover = |client: &mut Client, line: u64, character: u64| -> String {
        let response = client.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        );
        response["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_else(|| panic!("no hover: {response}"))
            .to_owned()
    };
    let publication = "**Jekyll publishes** this post at `/media/launch/`\n\n\
                       - date: `2024-03-08 10:00:00 +0800`, from the front matter\n\
                       - file: `_site/media/launch/index.html`";
    // On the key: the field's schema, then the publication.
    let on_key = hover(&mut client, 3, 2);
    assert!(on_key.starts_with("**`permalink`**: string"), "{on_key}");
    assert!(on_key.ends_with(publication), "{on_key}");
    // On the value of `date`: the publication only.
    assert_eq!(hover(&mut client, 2, 12), publication);

    // Unpublished: Jekyll renders the post but writes nothing.
    let unpublished = text.replace("title: Launch", "title: Launch\npublished: false");
    change(&mut client, &uri, 2, json!([{ "text": unpublished }]));
    let on_date = hover(&mut client, 3, 1);
    assert!(
        on_date.contains("**Jekyll does not write** this post (`published: false`)"),
        "{on_date}"
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn url_collisions_with_files_on_disk_are_found_and_follow_edits() {
    let a_text = "---\ntitle: A\npermalink: /same/\n---\n";
    let dir = site(
        "collisions",
        &[
            ("_config.yml", "title: Site\n"),
            ("_posts/2024-01-01-a.md", a_text),
        ],
    );
    let a_path = dir.join("_posts/2024-01-01-a.md");
    let (a, b) = (
        file_uri(&a_path),
        file_uri(&dir.join("_posts/2024-01-02-b.md")),
    );
    let mut client = Client::start(&dir);
    client.initialize(&dir, json!({}));
    let b_text = "---\ntitle: Bé 🦀\npermalink: /same/\n---\n";
    open(&mut client, &b, 1, b_text);
    // The workspace is indexed in the background: the collision with `a`, which is not open,
    // is published once the index has it (perhaps after a first, earlier publish).
    let published = client.wait_for("the duplicate URL on b", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == b.as_str()
            && codes(&m["params"]) == ["FL406"]
    });
    let diagnostic = &published["params"]["diagnostics"][0];
    assert_eq!(
        diagnostic["range"],
        json!({ "start": { "line": 2, "character": 11 }, "end": { "line": 2, "character": 17 } })
    );
    let related = &diagnostic["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], a.as_str());
    assert_eq!(
        related["location"]["range"],
        json!({ "start": { "line": 2, "character": 11 }, "end": { "line": 2, "character": 17 } })
    );

    // Editing b's permalink ends the collision.
    let moved = b_text.replace("/same/", "/b/");
    change(&mut client, &b, 2, json!([{ "text": moved }]));
    assert_eq!(client.diagnostics_at(&b, 2)["diagnostics"], json!([]));

    // With both open, an edit to b re-publishes a, whose file did not change.
    open(&mut client, &a, 1, a_text);
    assert_eq!(codes(&client.diagnostics_at(&a, 1)), Vec::<&str>::new());
    change(&mut client, &b, 3, json!([{ "text": b_text }]));
    assert_eq!(codes(&client.diagnostics_at(&b, 3)), ["FL406"]);
    let published = client.wait_for("a's diagnostics again", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == a.as_str()
    });
    assert_eq!(codes(&published["params"]), ["FL406"]);

    // Closing a goes back to the file on disk (still /same/); deleting the file ends it.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": a } }),
    );
    assert_eq!(client.diagnostics(&a)["diagnostics"], json!([]));
    std::fs::remove_file(&a_path).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": a, "type": 3 }] }),
    );
    let published = client.wait_for("b without the collision", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == b.as_str()
            && m["params"]["version"] == 3
            && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(published["params"]["version"], 3);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn a_fix_that_renames_the_post_is_a_rename_file_operation() {
    let text = "---\ntitle: Painting\ndate: 2019-08-15\n---\nBody\n";
    let context = json!({ "diagnostics": [] });
    let range =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 5, "character": 0 } });
    let actions_of = |capabilities: Value, name: &str| {
        let dir = site(name, &[("_posts/15-08-2019-painting.md", text)]);
        let uri = file_uri(&dir.join("_posts/15-08-2019-painting.md"));
        let mut client = Client::start(&dir);
        client.initialize(&dir, capabilities);
        open(&mut client, &uri, 1, text);
        client.diagnostics(&uri);
        let response = client.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
        );
        assert_eq!(client.shutdown().code(), Some(0));
        (
            response["result"].as_array().cloned().unwrap_or_default(),
            uri,
        )
    };
    let renaming = json!({ "workspace": { "workspaceEdit": { "documentChanges": true, "resourceOperations": ["rename"] } } });
    let (actions, uri) = actions_of(renaming, "rename-capable");
    let rename = actions
        .iter()
        .flat_map(|a| {
            a["edit"]["documentChanges"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .find(|change| change["kind"] == "rename")
        .unwrap_or_else(|| panic!("a RenameFile operation in {actions:#?}"));
    assert_eq!(rename["oldUri"], uri);
    assert!(
        rename["newUri"]
            .as_str()
            .unwrap()
            .ends_with("/_posts/2019-08-15-painting.md"),
        "{rename}"
    );
    assert_eq!(rename["options"]["overwrite"], false);

    // A client that cannot rename files is not offered the fix at all.
    let (actions, _) = actions_of(json!({}), "rename-incapable");
    assert!(
        !actions
            .iter()
            .any(|a| a["title"].as_str().unwrap_or("").contains("FL301")),
        "{actions:#?}"
    );
}
