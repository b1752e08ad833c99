//! IndexedDB as a small string key/value store (database `drydock`, object store `kv`): get, put
//! and delete as futures. Every failure becomes an `IdbError` (storage blocked, quota full), never
//! a panic or an exception.
use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "drydock";
const STORE: &str = "kv";

/// Why storage did not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdbError {
    /// This browser context keeps nothing (IndexedDB missing or blocked).
    Unavailable(String),
    /// The quota is used up.
    Full,
    /// Anything else (the detail is for the console).
    Failed(String),
}

/// The error a JavaScript exception or `DOMException` stands for.
fn error_of(v: &JsValue) -> IdbError {
    match v.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => IdbError::Full,
        Some(e) => IdbError::Failed(format!("{}: {}", e.name(), e.message())),
        None => IdbError::Failed(v.as_string().unwrap_or_else(|| "storage error".to_owned())),
    }
}

/// Resolves when `req` succeeds (with its result), rejects with its error.
async fn request(req: &IdbRequest) -> Result<JsValue, IdbError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = req.clone();
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad = req.clone();
        let on_err = Closure::once_into_js(move || {
            let e = bad
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| error_of(&e))
}

/// Resolves when the transaction commits; rejects when it fails or aborts (a full quota aborts).
async fn committed(tx: &IdbTransaction) -> Result<(), IdbError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let bad = tx.clone();
        let on_err = Closure::once_into_js(move || {
            let e = bad.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(on_ok.unchecked_ref()));
        tx.set_onerror(Some(on_err.unchecked_ref()));
        tx.set_onabort(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

/// Opens the database (creating the store on first use).
async fn open() -> Result<IdbDatabase, IdbError> {
    let unavailable = |why: &str| IdbError::Unavailable(why.to_owned());
    let factory = web_sys::window()
        .ok_or_else(|| unavailable("no window"))?
        .indexed_db()
        .map_err(|e| IdbError::Unavailable(format!("{:?}", error_of(&e))))?
        .ok_or_else(|| unavailable("IndexedDB is not available"))?;
    let req = factory
        .open_with_u32(DB, 1)
        .map_err(|e| IdbError::Unavailable(format!("{:?}", error_of(&e))))?;
    let upgrade_req = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        // Version 1 is the only version: an upgrade means the database is new.
        if let Some(db) = upgrade_req
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = request(&req).await.map_err(|e| match e {
        IdbError::Failed(why) => IdbError::Unavailable(why),
        other => other,
    })?;
    db.dyn_into::<IdbDatabase>()
        .map_err(|_| unavailable("not a database"))
}

/// A transaction over the store.
fn transaction(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbTransaction, IdbError> {
    db.transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| error_of(&e))
}

/// The string stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, IdbError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readonly)?;
    let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
    let req = store
        .get(&JsValue::from_str(key))
        .map_err(|e| error_of(&e))?;
    let value = request(&req).await;
    db.close();
    Ok(value?.as_string())
}

/// Stores `value` under `key`.
pub async fn put(key: &str, value: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
    store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(|e| error_of(&e))?;
    let done = committed(&tx).await;
    db.close();
    done
}

/// Removes `key`.
pub async fn delete(key: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
    store
        .delete(&JsValue::from_str(key))
        .map_err(|e| error_of(&e))?;
    let done = committed(&tx).await;
    db.close();
    done
}
