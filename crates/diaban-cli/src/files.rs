//! Writing output files: never over an input, and atomically.
//!
//! Every command that writes a file goes through this module:
//! - [`refuse_inputs`] before anything is read or written: an output that names one of the
//!   command's inputs (however spelled: relative, with `..`, through a symbolic or hard link),
//!   a folder output that holds an input, or an output inside an input folder is refused with
//!   `error[output_is_input]`;
//! - [`Staged`] / [`write_atomic`] to write: each file goes to a temporary file in the
//!   destination's own folder (`.diaban-….tmp`), is flushed to disk, and only then renamed
//!   over the destination. A failure removes the temporary files and leaves every existing
//!   output as it was; a run killed mid-way can leave a `.diaban-….tmp` file, never a
//!   half-written output.

use crate::Fatal;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The error code of an output that would write over an input.
pub(crate) const OUTPUT_IS_INPUT: &str = "output_is_input";

/// The path with links and `..` resolved; for a path that does not exist yet, its nearest
/// existing ancestor resolved and the rest appended.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    let mut head: &Path = &absolute;
    loop {
        if let Ok(real) = head.canonicalize() {
            return rest.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                head = parent;
            }
            _ => return absolute,
        }
    }
}

/// True when both paths name one existing file (also through a hard link).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// True when writing `out` could replace or change `input`: the same file or folder, an
/// output inside an input folder, or an input inside the output (a CSV folder).
pub(crate) fn clobbers(out: &Path, input: &Path) -> bool {
    let (o, i) = (resolved(out), resolved(input));
    o == i || o.starts_with(&i) || i.starts_with(&o) || same_file(out, input)
}

/// True when both name the same file or folder.
pub(crate) fn same(out: &Path, input: &Path) -> bool {
    resolved(out) == resolved(input) || same_file(out, input)
}

/// Refuses the output `out` of option `flag` when it would write over one of `inputs`; with
/// `replace` (`--force`), an output that *is* an input may replace it (still atomically), but
/// not one that lies inside or around an input.
pub(crate) fn refuse_inputs(
    flag: &str,
    out: &Path,
    inputs: &[&Path],
    replace: bool,
) -> Result<(), Fatal> {
    let found = inputs
        .iter()
        .find(|input| clobbers(out, input) && !(replace && same(out, input)));
    match found {
        Some(input) => Err(Fatal::own(
            OUTPUT_IS_INPUT,
            format!(
                "{flag} {} sẽ ghi đè lên dữ liệu vào {}; không ghi đè (hãy ghi ra nơi khác)",
                out.display(),
                input.display()
            ),
            format!(
                "{flag} {} would write over the input {}; refusing to overwrite it (write elsewhere)",
                out.display(),
                input.display()
            ),
        )),
        None => Ok(()),
    }
}

/// The inputs named by an option that is either a file/folder or a built-in id: the path when
/// one exists, else nothing.
pub(crate) fn existing(arg: Option<&str>) -> Option<&Path> {
    arg.map(Path::new).filter(|p| p.exists())
}

fn io_error(path: &Path, e: &std::io::Error) -> Fatal {
    Fatal::io(path, e)
}

/// Output files written to temporary files beside their destinations, renamed into place
/// together by [`Staged::commit`]; dropped without a commit, the temporary files are removed.
#[derive(Default)]
pub(crate) struct Staged {
    files: Vec<(tempfile::NamedTempFile, PathBuf)>,
}

impl Staged {
    /// Writes `bytes` for `path` to a temporary file in `path`'s folder, flushed to disk.
    pub(crate) fn add(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Fatal> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut file = tempfile::Builder::new()
            .prefix(".diaban-")
            .suffix(".tmp")
            .tempfile_in(folder)
            .map_err(|e| io_error(path, &e))?;
        file.write_all(bytes).map_err(|e| io_error(path, &e))?;
        file.as_file().sync_all().map_err(|e| io_error(path, &e))?;
        self.files.push((file, path.to_path_buf()));
        Ok(())
    }

    /// Renames every staged file over its destination.
    pub(crate) fn commit(self) -> Result<(), Fatal> {
        for (file, path) in self.files {
            file.persist(&path).map_err(|e| io_error(&path, &e.error))?;
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename.
pub(crate) fn write_atomic(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), Fatal> {
    let mut staged = Staged::default();
    staged.add(path, bytes.as_ref())?;
    staged.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use diaban::Lang;

    #[test]
    fn the_same_file_however_spelled_is_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.json");
        std::fs::write(&input, "{}").unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let dotted = sub.join("..").join("in.json");
        assert!(clobbers(&dotted, &input));
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft.json");
            std::os::unix::fs::symlink(&input, &soft).unwrap();
            assert!(clobbers(&soft, &input));
            let hard = dir.path().join("hard.json");
            std::fs::hard_link(&input, &hard).unwrap();
            assert!(clobbers(&hard, &input));
        }
        // A folder output holding the input, and an output inside an input folder.
        assert!(clobbers(dir.path(), &input));
        assert!(clobbers(&sub.join("new").join("x.json"), &sub));
        // Beside the input is fine, also for a name that does not exist yet.
        assert!(!clobbers(&dir.path().join("out.json"), &input));
        assert!(!clobbers(&dir.path().join("new").join("deep"), &input));
        let e = refuse_inputs("--out", dir.path(), &[&input], true)
            .err()
            .unwrap();
        assert!(refuse_inputs("--out", &dotted, &[&input], false).is_err());
        assert!(refuse_inputs("--out", &dotted, &[&input], true).is_ok());
        let e = e.render(Lang::En);
        assert!(e.starts_with("error[output_is_input]: --out "), "{e}");
    }

    #[test]
    fn staged_files_appear_only_on_commit_and_vanish_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        std::fs::write(&a, "old").unwrap();
        let mut staged = Staged::default();
        staged.add(&a, b"new").unwrap();
        staged.add(&dir.path().join("b.csv"), b"b").unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
        drop(staged);
        let names = |d: &Path| {
            let mut v: Vec<String> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        assert_eq!(names(dir.path()), ["a.csv"]);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
        let mut staged = Staged::default();
        staged.add(&a, b"new").unwrap();
        staged.add(&dir.path().join("b.csv"), b"b").unwrap();
        staged.commit().unwrap();
        assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new");
        // A folder that does not exist: an error naming the file, nothing written.
        let e = write_atomic(&dir.path().join("no").join("c.csv"), "x")
            .err()
            .unwrap();
        let e = e.render(Lang::En);
        assert!(e.starts_with("error[io]: "), "{e}");
        assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
    }
}
