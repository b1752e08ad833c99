//! Bindings to the CodeMirror bundle (`editor/index.js`, global `DrydockEditor`). Everything that crosses
//! this boundary is converted here: byte spans → UTF-16 offsets, Rust callbacks → JS closures.
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen]
extern "C" {
    /// A CodeMirror editor created by the bundle.
    pub type JsEditor;

    #[wasm_bindgen(js_namespace = DrydockEditor, js_name = create)]
    fn js_create(parent: &HtmlElement, doc: &str, callbacks: &Object) -> JsEditor;

    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &JsEditor, text: &str);
    #[wasm_bindgen(method, js_name = setTokens)]
    fn set_tokens(this: &JsEditor, packed: &[u32], kinds: &Array);
    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &JsEditor, diags: &Array);
    #[wasm_bindgen(method, js_name = setTokensAndDiagnostics)]
    fn set_tokens_and_diagnostics(this: &JsEditor, packed: &[u32], kinds: &Array, diags: &Array);
    #[wasm_bindgen(method, js_name = setCurrent)]
    fn set_current(this: &JsEditor, from_line: u32, to_line: u32);
    #[wasm_bindgen(method)]
    fn select(this: &JsEditor, from: u32, to: u32);
    #[wasm_bindgen(method, js_name = setReadOnly)]
    fn set_read_only(this: &JsEditor, flag: bool);
    #[wasm_bindgen(method)]
    fn destroy(this: &JsEditor);
}

/// Whether the editor bundle is loaded (it is not in unit-test pages: the app falls back to a textarea).
pub fn available() -> bool {
    let global = js_sys::global();
    Reflect::get(&global, &JsValue::from_str("DrydockEditor")).is_ok_and(|v| v.is_object())
}

/// A highlighted range in UTF-16 offsets.
pub struct Token {
    pub from: u32,
    pub to: u32,
    pub kind: &'static str,
}

/// A diagnostic in UTF-16 offsets.
pub struct Mark {
    pub from: u32,
    pub to: u32,
    pub severity: &'static str,
    pub message: String,
    pub code: String,
    /// One sentence for a learner (empty when there is none).
    pub hint: String,
    /// The rule's documentation (empty when there is none).
    pub url: String,
}

/// Hover text the editor shows (UTF-16 offsets).
pub struct HoverInfo {
    pub from: u32,
    pub to: u32,
    pub title: String,
    pub body: String,
}

/// Completion choices replacing `from..cursor` (UTF-16 offsets).
pub struct CompletionList {
    pub from: u32,
    /// (label, kind, detail)
    pub options: Vec<(String, &'static str, String)>,
}

/// What the editor asks Rust for.
pub struct Callbacks {
    pub change: Box<dyn Fn(String)>,
    pub hover: Box<dyn Fn(u32) -> Option<HoverInfo>>,
    pub complete: Box<dyn Fn(u32) -> Option<CompletionList>>,
}

/// A callback the editor calls with a UTF-16 position.
type PosCallback = Closure<dyn Fn(u32) -> JsValue>;

/// Owns a CodeMirror editor and the Rust closures it calls back into.
pub struct Editor {
    js: JsEditor,
    _closures: (Closure<dyn Fn(String)>, PosCallback, PosCallback),
}

impl Editor {
    /// Creates an editor in `parent` holding `doc`; `change` receives the whole text after each edit.
    pub fn new(parent: &HtmlElement, doc: &str, label: &str, cb: Callbacks) -> Self {
        let Callbacks {
            change,
            hover,
            complete,
        } = cb;
        let change = Closure::<dyn Fn(String)>::new(change);
        let hover = Closure::<dyn Fn(u32) -> JsValue>::new(move |pos| match hover(pos) {
            Some(h) => {
                let o = Object::new();
                set(&o, "from", &h.from.into());
                set(&o, "to", &h.to.into());
                set(&o, "title", &JsValue::from_str(&h.title));
                set(&o, "body", &JsValue::from_str(&h.body));
                o.into()
            }
            None => JsValue::NULL,
        });
        let complete = Closure::<dyn Fn(u32) -> JsValue>::new(move |pos| match complete(pos) {
            Some(c) => {
                let o = Object::new();
                set(&o, "from", &c.from.into());
                let options = Array::new();
                for (label, kind, detail) in c.options {
                    let item = Object::new();
                    set(&item, "label", &JsValue::from_str(&label));
                    set(&item, "type", &JsValue::from_str(kind));
                    set(&item, "info", &JsValue::from_str(&detail));
                    options.push(&item);
                }
                set(&o, "options", &options);
                o.into()
            }
            None => JsValue::NULL,
        });
        let callbacks = Object::new();
        set(&callbacks, "change", change.as_ref());
        set(&callbacks, "hover", hover.as_ref());
        set(&callbacks, "complete", complete.as_ref());
        set(&callbacks, "label", &JsValue::from_str(label));
        let js = js_create(parent, doc, &callbacks);
        Self {
            js,
            _closures: (change, hover, complete),
        }
    }

    pub fn set_text(&self, text: &str) {
        self.js.set_text(text);
    }

    /// Sends the tokens as one flat `Uint32Array` (`from, to, kind index` per token) plus the kind
    /// names: a long file's thousands of tokens cross the boundary in one copy.
    pub fn set_tokens(&self, tokens: &[Token]) {
        let (packed, names) = pack(tokens);
        self.js.set_tokens(&packed, &names);
    }

    pub fn set_diagnostics(&self, marks: &[Mark]) {
        self.js.set_diagnostics(&diagnostics(marks));
    }

    /// [`Editor::set_tokens`] and [`Editor::set_diagnostics`] in one editor transaction.
    pub fn set_tokens_and_diagnostics(&self, tokens: &[Token], marks: &[Mark]) {
        let (packed, names) = pack(tokens);
        self.js
            .set_tokens_and_diagnostics(&packed, &names, &diagnostics(marks));
    }

    /// Highlights lines `from..=to` (1-based) as the current build step; `None` clears it.
    pub fn set_current(&self, lines: Option<(u32, u32)>) {
        let (a, b) = lines.unwrap_or((0, 0));
        self.js.set_current(a, b);
    }

    /// Selects UTF-16 offsets `from..to`, scrolls them into view and focuses the editor.
    pub fn select(&self, from: u32, to: u32) {
        self.js.select(from, to);
    }

    pub fn set_read_only(&self, flag: bool) {
        self.js.set_read_only(flag);
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        self.js.destroy();
    }
}

fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// Tokens as `from, to, kind index` triples plus the kind names.
fn pack(tokens: &[Token]) -> (Vec<u32>, Array) {
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut packed = Vec::with_capacity(tokens.len() * 3);
    for t in tokens {
        let k = match kinds.iter().position(|k| *k == t.kind) {
            Some(k) => k,
            None => {
                kinds.push(t.kind);
                kinds.len() - 1
            }
        };
        packed.extend([t.from, t.to, u32::try_from(k).unwrap_or(0)]);
    }
    let names: Array = kinds.iter().map(|k| JsValue::from_str(k)).collect();
    (packed, names)
}

/// Diagnostics as the plain objects the bundle expects.
fn diagnostics(marks: &[Mark]) -> Array {
    let arr = Array::new();
    for m in marks {
        let o = Object::new();
        set(&o, "from", &m.from.into());
        set(&o, "to", &m.to.into());
        set(&o, "severity", &JsValue::from_str(m.severity));
        set(&o, "message", &JsValue::from_str(&m.message));
        set(&o, "code", &JsValue::from_str(&m.code));
        set(&o, "hint", &JsValue::from_str(&m.hint));
        set(&o, "url", &JsValue::from_str(&m.url));
        arr.push(&o);
    }
    arr
}
