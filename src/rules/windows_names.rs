//! What Windows refuses in one component of a path (a folder or file name), as Git for Windows
//! checks it before it writes a file (`is_valid_win32_path` in git's `compat/mingw.c`, on by
//! default through `core.protectNTFS`) and as Windows' own naming rules say ("Naming Files,
//! Paths, and Namespaces"): a refused name makes `git clone` and `git checkout` fail with
//! "invalid path".

/// Characters Windows never allows in a name (`/` separates names everywhere). A `\` is a
/// separator on Windows, so git refuses it in a name too.
const RESERVED: [char; 8] = ['<', '>', ':', '"', '\\', '|', '?', '*'];

/// Device names: reserved with any extension (`CON.md`, `aux.tar.gz`), in any case.
const DEVICES: [&str; 6] = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];
/// `COM` and `LPT` followed by one digit, where Windows counts ¹ ² ³ as digits too.
const NUMBERED_DEVICES: [&str; 2] = ["COM", "LPT"];

/// One reason Windows refuses a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Reserved characters in it, each once, in order of appearance.
    Reserved(Vec<char>),
    /// A control character (U+0001 to U+001F).
    Control(char),
    /// It ends with a dot or a space, which Windows strips from names.
    Trailing(char),
    /// It is a device name, whatever follows its first dot (`CON`, `nul.md`).
    Device(String),
}

impl Refusal {
    /// Why, in words (`` `:` is a reserved character ``).
    pub fn describe(&self) -> String {
        match self {
            Refusal::Reserved(chars) => {
                let quoted: Vec<String> = chars.iter().map(|c| format!("`{c}`")).collect();
                match quoted.as_slice() {
                    [one] => format!("{one} is a reserved character"),
                    [rest @ .., last] => {
                        format!("{} and {last} are reserved characters", rest.join(", "))
                    }
                    [] => String::new(),
                }
            }
            Refusal::Control(c) => {
                format!("it holds a control character (U+{:04X})", u32::from(*c))
            }
            Refusal::Trailing('.') => "it ends with a dot, which Windows drops".to_owned(),
            Refusal::Trailing(_) => "it ends with a space, which Windows drops".to_owned(),
            Refusal::Device(name) => {
                format!("`{name}` is a device name, whatever the extension")
            }
        }
    }
}

/// Why Windows refuses `name` (one folder or file name, no `/`); empty when it does not.
pub fn refusals(name: &str) -> Vec<Refusal> {
    let mut out = Vec::new();
    let mut reserved: Vec<char> = Vec::new();
    for c in name.chars().filter(|c| RESERVED.contains(c)) {
        if !reserved.contains(&c) {
            reserved.push(c);
        }
    }
    if !reserved.is_empty() {
        out.push(Refusal::Reserved(reserved));
    }
    if let Some(c) = name.chars().find(|c| ('\u{1}'..' ').contains(c)) {
        out.push(Refusal::Control(c));
    }
    if name != "."
        && name != ".."
        && let Some(last @ ('.' | ' ')) = name.chars().last()
    {
        out.push(Refusal::Trailing(last));
    }
    if let Some(device) = device_name(name) {
        out.push(Refusal::Device(device.to_owned()));
    }
    out
}

/// The device name `name` starts with, when only spaces, then the end, a dot or a colon
/// follow it (as git reads it: `CON .md` is `CON`, `CONSOLE.md` and `COM10.md` are not).
fn device_name(name: &str) -> Option<&str> {
    let end = name.find(['.', ':']).unwrap_or(name.len());
    let stem = name[..end].trim_end_matches(' ');
    let upper = stem.to_ascii_uppercase();
    let numbered = NUMBERED_DEVICES.iter().any(|prefix| {
        upper.strip_prefix(prefix).is_some_and(|rest| {
            let mut chars = rest.chars();
            matches!(chars.next(), Some('0'..='9' | '¹' | '²' | '³')) && chars.next().is_none()
        })
    });
    (numbered || DEVICES.contains(&upper.as_str())).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(name: &str) -> Vec<String> {
        refusals(name).iter().map(Refusal::describe).collect()
    }

    #[test]
    fn reserved_characters_control_characters_and_trailing_dots_and_spaces() {
        assert_eq!(
            reasons("2012-09-19-file-PM Lee: Zero tolerance.md"),
            ["`:` is a reserved character"]
        );
        assert_eq!(
            reasons("a?b*c:d:e.md"),
            ["`?`, `*` and `:` are reserved characters"]
        );
        assert_eq!(
            reasons("tab\there.md"),
            ["it holds a control character (U+0009)"]
        );
        assert_eq!(
            reasons("news."),
            ["it ends with a dot, which Windows drops"]
        );
        assert_eq!(
            reasons("permalink: "),
            [
                "`:` is a reserved character",
                "it ends with a space, which Windows drops"
            ]
        );
        assert_eq!(reasons("back\\slash.md"), ["`\\` is a reserved character"]);
        for fine in [
            "2024-01-01-budget.md",
            "Annex A (final).pdf",
            "新闻 – 2024.md",
            ".",
            "..",
            ".gitignore",
            "a.b.c.md",
            "tilde~.md",
            "del\u{7f}.md",
        ] {
            assert!(refusals(fine).is_empty(), "{fine}: {:?}", refusals(fine));
        }
    }

    #[test]
    fn device_names_with_any_extension_in_any_case() {
        for device in [
            "CON",
            "con.md",
            "Aux.tar.gz",
            "nul",
            "PRN.markdown",
            "com1.md",
            "LPT9.txt",
            "COM0.md",
            "com¹.md",
            "CON .md",
            "conin$.md",
            "CONOUT$",
            "nul:stream",
        ] {
            assert!(
                matches!(refusals(device).as_slice(), [.., Refusal::Device(_)]),
                "{device}"
            );
        }
        assert_eq!(
            reasons("con.md"),
            ["`con` is a device name, whatever the extension"]
        );
        for fine in [
            "console.md",
            "com10.md",
            "COM.md",
            "lpt.md",
            "auxiliary.md",
            "a-con.md",
            "nul-and-void.md",
            "CONIN.md",
        ] {
            assert!(refusals(fine).is_empty(), "{fine}: {:?}", refusals(fine));
        }
    }
}
