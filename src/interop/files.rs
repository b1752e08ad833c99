//! Reading the user's files: the files of an `<input type=file>` (with their folder paths when a
//! folder was picked) and the files and folders dropped on the page (walked through the
//! `webkitGetAsEntry` file-system entries), as `(relative path, bytes)` pairs.
use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry,
};

/// One file read from the user's disk.
pub struct Picked {
    /// `/`-separated, relative (`my-project/src/main.py` for a picked folder).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The bytes of a file.
async fn bytes_of(file: &File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: could not be read", file.name()))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// The files of a file input, with `webkitRelativePath` when a folder was picked.
pub async fn read_list(list: FileList) -> Result<Vec<Picked>, String> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let rel = Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| file.name());
        out.push(Picked {
            path: rel,
            bytes: bytes_of(&file).await?,
        });
    }
    Ok(out)
}

/// The entries of a drop. Must be called while the drop event is being handled (the browser
/// empties the data transfer afterwards); reading happens later in [`read_entries`].
pub fn dropped_entries(dt: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = dt.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

/// The file of a file entry.
async fn file_of(entry: &FileSystemFileEntry) -> Result<File, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |f: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &f);
        });
        let bad = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        entry.file_with_callback_and_callback(ok.unchecked_ref(), bad.unchecked_ref());
    });
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|f| f.dyn_into::<File>().ok())
        .ok_or_else(|| format!("{}: could not be read", entry.name()))
}

/// Every entry of a folder (the reader hands them out in batches).
async fn children_of(dir: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, String> {
    let reader = dir.create_reader();
    let mut out = Vec::new();
    loop {
        let promise = Promise::new(&mut |resolve, reject| {
            let ok = Closure::once_into_js(move |batch: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &batch);
            });
            let failed = reject.clone();
            let bad = Closure::once_into_js(move |e: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &e);
            });
            let asked = reader
                .read_entries_with_callback_and_callback(ok.unchecked_ref(), bad.unchecked_ref());
            if let Err(e) = asked {
                let _ = failed.call1(&JsValue::NULL, &e);
            }
        });
        let batch: Array = JsFuture::from(promise)
            .await
            .map_err(|_| format!("{}: the folder could not be read", dir.name()))?
            .unchecked_into();
        if batch.length() == 0 {
            return Ok(out);
        }
        out.extend(
            batch
                .iter()
                .filter_map(|e| e.dyn_into::<FileSystemEntry>().ok()),
        );
    }
}

/// Reads dropped entries: files as they are, folders with everything below them (paths keep the
/// folder's name, like a picked folder).
pub async fn read_entries(entries: Vec<FileSystemEntry>) -> Result<Vec<Picked>, String> {
    let mut out = Vec::new();
    let mut todo: Vec<(String, FileSystemEntry)> =
        entries.into_iter().map(|e| (e.name(), e)).collect();
    while let Some((path, entry)) = todo.pop() {
        if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            for child in children_of(&dir).await? {
                todo.push((format!("{path}/{}", child.name()), child));
            }
        } else if entry.is_file() {
            let file = file_of(entry.unchecked_ref()).await?;
            out.push(Picked {
                path,
                bytes: bytes_of(&file).await?,
            });
        }
    }
    drydock_text::sort::sort_by(&mut out, |a, b| a.path.cmp(&b.path));
    Ok(out)
}
