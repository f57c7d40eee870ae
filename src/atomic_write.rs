//! Replace a file all at once: write a temporary file in the same folder, flush it to disk,
//! then rename it over the target. A reader (a CI step uploading the report, an editor) sees
//! the old file or the new one, never half of one, and a failed write leaves the old file as
//! it was. The temporary file is removed if anything fails.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Write `path` atomically with what `write` produces. An existing file keeps its permissions;
/// a new one gets the usual permissions for new files (0666 less the umask on Unix).
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // Same folder, hence same file system: the rename cannot turn into a copy.
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let existing = fs::metadata(path).ok().map(|meta| meta.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".frontlint-").suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default is 0600, which would make a new report private.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(folder)?;
    {
        let mut out = BufWriter::new(temporary.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    if let Some(permissions) = existing {
        temporary.as_file().set_permissions(permissions)?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("frontlint-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces_leaving_no_temporary_file() {
        let dir = scratch("replace");
        let target = dir.join("report.json");
        write_atomically(&target, |out| out.write_all(b"first")).unwrap();
        write_atomically(&target, |out| out.write_all(b"second")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "second");
        assert_eq!(entries(&dir), ["report.json"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = scratch("fail");
        let target = dir.join("report.xml");
        fs::write(&target, "old").unwrap();
        let result = write_atomically(&target, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(entries(&dir), ["report.xml"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_or_follow_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let existing = dir.join("kept.txt");
        fs::write(&existing, "x").unwrap();
        fs::set_permissions(&existing, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&existing, |out| out.write_all(b"y")).unwrap();
        let mode = fs::metadata(&existing).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);

        // A new file gets what `File::create` would give it in the same folder.
        let reference = dir.join("reference.txt");
        fs::File::create(&reference).unwrap();
        let fresh = dir.join("fresh.txt");
        write_atomically(&fresh, |out| out.write_all(b"z")).unwrap();
        let mode_of = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode_of(&fresh), mode_of(&reference));
        fs::remove_dir_all(&dir).unwrap();
    }
}
