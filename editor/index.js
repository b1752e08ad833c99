// Drydock's code editor: CodeMirror 6 behind a small global API (`DrydockEditor`) that the Rust app calls
// through one interop module (src/interop/editor.rs). Positions crossing this boundary are UTF-16 offsets.
// Highlighting comes from Drydock's own parser (semantic tokens pushed from Rust), so it is exactly
// what BuildKit reads, including continuations, heredocs and the escape directive.
import { EditorState, StateEffect, StateField, Compartment, RangeSetBuilder } from '@codemirror/state';
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, dropCursor, rectangularSelection, crosshairCursor, highlightSpecialChars, hoverTooltip,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics, lintKeymap } from '@codemirror/lint';
import { bracketMatching, indentOnInput } from '@codemirror/language';

// A lint tooltip: the message, the rule's hint for learners and a link to the rule's docs.
function diagnosticBody(d) {
  const box = document.createElement('div');
  box.className = 'cm-diag';
  const msg = document.createElement('div');
  msg.className = 'cm-diag-message';
  msg.textContent = d.message;
  box.append(msg);
  if (d.hint) {
    const hint = document.createElement('div');
    hint.className = 'cm-diag-hint';
    hint.textContent = d.hint;
    box.append(hint);
  }
  if (d.url) {
    const a = document.createElement('a');
    a.className = 'cm-diag-link';
    a.href = d.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = `About ${d.code}`;
    box.append(a);
  }
  return box;
}

const setTokens = StateEffect.define();
const setCurrent = StateEffect.define();

const tokenMarks = {};
const tokenMark = (cls) => (tokenMarks[cls] ??= Decoration.mark({ class: `tok-${cls}` }));

// Semantic tokens: { packed: Uint32Array [from, to, kind index, …] sorted by `from`, kinds: [name] };
// mapped through edits until Rust sends fresh ones.
const tokensField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setTokens)) {
        const b = new RangeSetBuilder();
        const len = tr.state.doc.length;
        const { packed, kinds } = e.value;
        const marks = kinds.map(tokenMark);
        for (let i = 0; i + 2 < packed.length; i += 3) {
          const from = packed[i], to = packed[i + 1];
          if (from < to && to <= len) b.add(from, to, marks[packed[i + 2]]);
        }
        return b.finish();
      }
    }
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const currentLine = Decoration.line({ class: 'cm-current-step' });
// The instruction of the current build step (time travel): a line range highlighted in the editor.
const currentField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setCurrent)) {
        if (!e.value) return Decoration.none;
        const { fromLine, toLine } = e.value;
        const doc = tr.state.doc;
        const b = new RangeSetBuilder();
        for (let n = Math.max(1, fromLine); n <= Math.min(toLine, doc.lines); n++) {
          b.add(doc.line(n).from, doc.line(n).from, currentLine);
        }
        return b.finish();
      }
    }
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--surface)', color: 'var(--text)', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--font-code)', lineHeight: '20px' },
  '.cm-content': { caretColor: 'var(--text)', padding: '10px 0' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-2)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 6%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)', color: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent) !important',
  },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '8px', boxShadow: 'var(--shadow)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--warn) 30%, transparent)' },
});

function hoverSource(callbacks) {
  return hoverTooltip((view, pos) => {
    const info = callbacks.hover?.(pos);
    if (!info) return null;
    return {
      pos: info.from, end: info.to, above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'dd-hover';
        const title = document.createElement('div');
        title.className = 'dd-hover-title';
        title.textContent = info.title;
        dom.append(title);
        for (const para of String(info.body ?? '').split('\n\n')) {
          if (!para) continue;
          const p = document.createElement('p');
          p.textContent = para;
          dom.append(p);
        }
        return { dom };
      },
    };
  }, { hoverTime: 250 });
}

function completionSource(callbacks) {
  return (context) => {
    const res = callbacks.complete?.(context.pos, context.explicit);
    if (!res || !res.options?.length) return null;
    return { from: res.from, options: res.options, validFor: /^[\w.\-:/=]*$/ };
  };
}

class Editor {
  constructor(parent, doc, callbacks = {}) {
    this.callbacks = callbacks;
    this.readOnly = new Compartment();
    this.silent = false;
    const extensions = [
      lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), drawSelection(),
      dropCursor(), EditorState.allowMultipleSelections.of(true), indentOnInput(), bracketMatching(),
      closeBrackets(), rectangularSelection(), crosshairCursor(), highlightActiveLine(),
      highlightSelectionMatches(), lintGutter(),
      autocompletion({ override: [completionSource(callbacks)], activateOnTyping: true }),
      hoverSource(callbacks),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
        ...completionKeymap, ...lintKeymap, indentWithTab]),
      tokensField, currentField, theme, this.readOnly.of(EditorState.readOnly.of(false)),
      EditorView.contentAttributes.of({ 'aria-label': callbacks.label ?? 'Dockerfile editor', id: 'dockerfile-editor', tabindex: '0' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && !this.silent) callbacks.change?.(u.state.doc.toString());
      }),
    ];
    this.view = new EditorView({ state: EditorState.create({ doc, extensions }), parent });
  }
  text() { return this.view.state.doc.toString(); }
  setText(text) {
    if (text === this.text()) return;
    this.silent = true;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    this.silent = false;
  }
  // `packed` is a view into wasm memory, valid only during this call: keep a copy.
  setTokens(packed, kinds) { this.view.dispatch({ effects: setTokens.of({ packed: packed.slice(), kinds }) }); }
  setDiagnostics(diags) {
    const len = this.view.state.doc.length;
    const clean = diags.map((d) => ({
      from: Math.min(d.from, len), to: Math.min(Math.max(d.to, d.from), len), severity: d.severity,
      message: d.message, source: d.code,
      renderMessage: d.hint || d.url ? () => diagnosticBody(d) : undefined,
    }));
    this.view.dispatch(setDiagnostics(this.view.state, clean));
    // For `cargo xtask bench ui`: when the latest diagnostics reached the editor.
    globalThis.DrydockEditor.lastDiagnosticsAt = performance.now();
  }
  setCurrent(fromLine, toLine) {
    const value = fromLine > 0 ? { fromLine, toLine } : null;
    const effects = [setCurrent.of(value)];
    if (value && fromLine <= this.view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(this.view.state.doc.line(fromLine).from, { y: 'center' }));
    }
    this.view.dispatch({ effects });
  }
  select(from, to) {
    const len = this.view.state.doc.length;
    const anchor = Math.min(from, len), head = Math.min(to, len);
    this.view.dispatch({ selection: { anchor, head }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
    this.view.focus();
  }
  setReadOnly(flag) {
    this.view.dispatch({ effects: this.readOnly.reconfigure(EditorState.readOnly.of(!!flag)) });
  }
  focus() { this.view.focus(); }
  destroy() { this.view.destroy(); }
}

globalThis.DrydockEditor = {
  version: 1,
  create: (parent, doc, callbacks) => (globalThis.DrydockEditor.current = new Editor(parent, doc, callbacks)),
  /** The most recently created editor (benchmarks and tests drive it). */
  current: null,
  lastDiagnosticsAt: 0,
};
