//! Rename a file without ever replacing another one. A fix that renames a post must not
//! overwrite the post that already has the new name (two people wrote the same release, or a
//! run renames two files to one name): `std::fs::rename` silently replaces the target on
//! Unix, so checking first and renaming after leaves a window in which a file is lost.
//!
//! Linux and macOS rename with `RENAME_NOREPLACE` / `RENAME_EXCL`, which the kernel refuses
//! atomically when the target exists. Where that is not available (other systems, file
//! systems without it), a hard link to the new name — which also fails when the name exists —
//! followed by removing the old name does the same; `tempfile` persists files the same way.

use std::io;
use std::path::Path;

/// Rename `from` to `to` (normally in the same folder). Fails with
/// `io::ErrorKind::AlreadyExists` when `to` exists, leaving both files as they were.
pub fn rename_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        use rustix::io::Errno;
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            // The kernel or the file system does not support the flag: link + unlink below.
            Err(Errno::NOSYS | Errno::INVAL | Errno::NOTSUP) => {}
            Err(error) => return Err(error.into()),
        }
    }
    std::fs::hard_link(from, to)?;
    std::fs::remove_file(from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("frontlint-rename-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn renames_to_a_free_name() {
        let dir = scratch("free");
        fs::write(dir.join("old.md"), "text").unwrap();
        rename_no_clobber(&dir.join("old.md"), &dir.join("new.md")).unwrap();
        assert!(!dir.join("old.md").exists());
        assert_eq!(fs::read_to_string(dir.join("new.md")).unwrap(), "text");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn never_replaces_an_existing_file() {
        let dir = scratch("taken");
        fs::write(dir.join("old.md"), "mine").unwrap();
        fs::write(dir.join("new.md"), "theirs").unwrap();
        let error = rename_no_clobber(&dir.join("old.md"), &dir.join("new.md")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(dir.join("old.md")).unwrap(), "mine");
        assert_eq!(fs::read_to_string(dir.join("new.md")).unwrap(), "theirs");
        fs::remove_dir_all(&dir).unwrap();
    }
}
