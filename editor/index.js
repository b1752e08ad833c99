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

// Replaces the token set `old` (already mapped through the edits) by the fresh tokens: only the
// tokens between the unchanged head and tail are swapped, so a keystroke rebuilds (and the view
// redraws) the few tokens it changed, not the whole document's.
function replaceTokens(old, { packed, kinds }, len) {
  const marks = kinds.map(tokenMark);
  const nf = [], nt = [], nv = [];
  let sorted = true;
  for (let i = 0; i + 2 < packed.length; i += 3) {
    const from = packed[i], to = packed[i + 1];
    if (!(from < to && to <= len)) continue;
    if (nf.length && from <= nf[nf.length - 1]) sorted = false;
    nf.push(from); nt.push(to); nv.push(marks[packed[i + 2]]);
  }
  const of = [], ot = [], ov = [];
  for (const c = old.iter(); c.value; c.next()) {
    if (of.length && c.from <= of[of.length - 1]) sorted = false;
    of.push(c.from); ot.push(c.to); ov.push(c.value);
  }
  if (!sorted) {
    const b = new RangeSetBuilder();
    for (let i = 0; i < nf.length; i++) b.add(nf[i], nt[i], nv[i]);
    return b.finish();
  }
  const same = (i, j) => of[i] === nf[j] && ot[i] === nt[j] && ov[i] === nv[j];
  const m = Math.min(of.length, nf.length);
  let head = 0;
  while (head < m && same(head, head)) head++;
  let tail = 0;
  while (tail < m - head && same(of.length - 1 - tail, nf.length - 1 - tail)) tail++;
  const oldEnd = of.length - tail, newEnd = nf.length - tail;
  if (head === oldEnd && head === newEnd) return old;
  const add = [];
  for (let j = head; j < newEnd; j++) add.push(nv[j].range(nf[j], nt[j]));
  if (head === oldEnd) return old.update({ add });
  // Old tokens have strictly increasing starts: the ones to drop are those starting in [a, b].
  const a = of[head], b = of[oldEnd - 1];
  let reach = b;
  for (let i = head; i < oldEnd; i++) reach = Math.max(reach, ot[i]);
  return old.update({ add, filter: (from) => from < a || from > b, filterFrom: a, filterTo: reach });
}

// Semantic tokens: { packed: Uint32Array [from, to, kind index, …] sorted by `from`, kinds: [name] };
// mapped through edits until Rust sends fresh ones.
const tokensField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setTokens)) return replaceTokens(deco.map(tr.changes), e.value, tr.state.doc.length);
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
  // `cm-has-step` on the content while a step is shown (lecture mode greys the other lines): a
  // class for CSS instead of `:has()`, which made every step restyle the whole page.
  provide: (f) => [
    EditorView.decorations.from(f),
    EditorView.contentAttributes.from(f, (deco) => (deco.size ? { class: 'cm-has-step' } : {})),
  ],
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
  // Icons for Drydock's completion kinds (keyword has CodeMirror's own).
  '.cm-completionIcon-flag:after': { content: "'-'" },
  '.cm-completionIcon-image:after': { content: "'▣'" },
  '.cm-completionIcon-stage:after': { content: "'◧'" },
  '.cm-completionIcon-package:after': { content: "'◆'" },
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

const WORD = /^[\w.\-:/=]*$/;

function completionSource(callbacks) {
  return (context) => {
    const res = callbacks.complete?.(context.pos, context.explicit);
    if (!res || !res.options?.length) return null;
    // Keep filtering the list while the word goes on, except when what is typed is a choice:
    // then ask again (Rust answers nothing), so the list closes and Enter starts a new line.
    const validFor = (text) => WORD.test(text) && !res.options.some((o) => o.label === text);
    return { from: res.from, options: res.options, validFor };
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
        if (u.docChanged && !this.silent) {
          this.reportedDoc = u.state.doc;
          this.reportedText = u.state.doc.toString();
          callbacks.change?.(this.reportedText);
        }
      }),
    ];
    this.view = new EditorView({ state: EditorState.create({ doc, extensions }), parent });
  }
  text() { return this.view.state.doc.toString(); }
  setText(text) {
    // The text the last change reported is still the document: no need to serialise it again.
    if (this.view.state.doc === this.reportedDoc ? text === this.reportedText : text === this.text()) return;
    this.silent = true;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    this.silent = false;
  }
  // `packed` is a view into wasm memory, valid only during this call: keep a copy.
  setTokens(packed, kinds) { this.view.dispatch({ effects: setTokens.of({ packed: packed.slice(), kinds }) }); }
  setDiagnostics(diags) {
    this.view.dispatch(this.diagnosticsSpec(diags));
    // For `cargo xtask bench ui`: when the latest diagnostics reached the editor.
    globalThis.DrydockEditor.lastDiagnosticsAt = performance.now();
  }
  diagnosticsSpec(diags) {
    const len = this.view.state.doc.length;
    const clean = diags.map((d) => ({
      from: Math.min(d.from, len), to: Math.min(Math.max(d.to, d.from), len), severity: d.severity,
      message: d.message, source: d.code,
      renderMessage: d.hint || d.url ? () => diagnosticBody(d) : undefined,
    }));
    return setDiagnostics(this.view.state, clean);
  }
  // Tokens and diagnostics in one transaction: the view updates (and syncs its DOM) once.
  setTokensAndDiagnostics(packed, kinds, diags) {
    const spec = this.diagnosticsSpec(diags);
    const effects = [setTokens.of({ packed: packed.slice(), kinds })].concat(spec.effects ?? []);
    this.view.dispatch({ effects });
    globalThis.DrydockEditor.lastDiagnosticsAt = performance.now();
  }
  // The highlight is drawn in the next animation frame, before that frame's paint: redrawing a line
  // makes CodeMirror read the DOM selection, which lays the page out; done in the frame, that is
  // the layout the browser makes anyway, not an extra one in the middle of a time-travel step.
  setCurrent(fromLine, toLine) {
    this.current = fromLine > 0 ? { fromLine, toLine } : null;
    this.currentFrame ||= requestAnimationFrame(() => {
      this.currentFrame = 0;
      this.drawCurrent();
    });
  }
  drawCurrent() {
    const value = this.current;
    const effects = [setCurrent.of(value)];
    const scroll = value && value.fromLine <= this.view.state.doc.lines;
    if (scroll) {
      effects.push(EditorView.scrollIntoView(this.view.state.doc.line(value.fromLine).from, { y: 'center' }));
    }
    this.view.dispatch({ effects });
    // Scrolled in this frame too (its layout is fresh): CodeMirror would measure in the next one.
    if (scroll) this.view.measure();
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
  destroy() {
    cancelAnimationFrame(this.currentFrame);
    this.view.destroy();
  }
}

globalThis.DrydockEditor = {
  version: 1,
  create: (parent, doc, callbacks) => (globalThis.DrydockEditor.current = new Editor(parent, doc, callbacks)),
  /** The most recently created editor (benchmarks and tests drive it). */
  current: null,
  lastDiagnosticsAt: 0,
};
