import { describe, expect, it } from 'vitest';
import { resolveKey } from '../../src/reducer/keyRouting.js';
import { initialUiState, type UiState } from '../../src/state/ui.js';
import { EMPTY_RENDER_FORM } from '../../src/reducer/renderForm.js';
import { listAt } from '../../src/state/list.js';

const base = initialUiState({ readonly: false, intervalMs: 2000 });

describe('resolveKey', () => {
  it('uses the key table for the focused pane', () => {
    expect(resolveKey(base, { full: 'k', ch: 'k' })).toEqual({ type: 'key', id: 'moveUp' });
    expect(resolveKey({ ...base, focus: 'processes' }, { full: 'k', ch: 'k' })).toEqual({ type: 'key', id: 'signal' });
    expect(resolveKey(base, { full: 'S-b', ch: 'B' })).toEqual({ type: 'key', id: 'toggleBlock' });
    expect(resolveKey(base, { full: 'x', ch: 'x' })).toBeNull();
  });

  it('ignores blessed\'s duplicate "return" and always maps Ctrl-C to quit', () => {
    const confirm: UiState = { ...base, overlay: { kind: 'confirm', question: '?', effect: { kind: 'quit' } } };
    expect(resolveKey(confirm, { full: 'return', ch: '\r' })).toBeNull();
    expect(resolveKey(confirm, { full: 'enter', ch: '\r' })).toEqual({ type: 'confirmYes' });
    expect(resolveKey(confirm, { full: 'C-c' })).toEqual({ type: 'key', id: 'quit' });
  });

  it('sends every key to an open dialog', () => {
    const confirm: UiState = { ...base, overlay: { kind: 'confirm', question: '?', effect: { kind: 'quit' } } };
    expect(resolveKey(confirm, { full: 'y', ch: 'y' })).toEqual({ type: 'confirmYes' });
    expect(resolveKey(confirm, { full: 'escape' })).toEqual({ type: 'dismiss' });
    expect(resolveKey(confirm, { full: 'e', ch: 'e' })).toBeNull();
    const help: UiState = { ...base, overlay: { kind: 'help', scroll: listAt() } };
    expect(resolveKey(help, { full: 'down' })).toEqual({ type: 'overlayMove', delta: 1 });
    expect(resolveKey(help, { full: '?', ch: '?' })).toEqual({ type: 'dismiss' });
  });

  it('types text into the filter and the form', () => {
    const filter: UiState = { ...base, overlay: { kind: 'filter', text: '', before: '' } };
    expect(resolveKey(filter, { full: 'q', ch: 'q' })).toEqual({ type: 'textInput', text: 'q' });
    expect(resolveKey(filter, { full: 'S-b', ch: 'B' })).toEqual({ type: 'textInput', text: 'B' });
    expect(resolveKey(filter, { full: 'backspace', ch: '\x7f' })).toEqual({ type: 'textBackspace' });
    expect(resolveKey(filter, { full: 'enter', ch: '\r' })).toEqual({ type: 'overlayChoose' });
    const form: UiState = { ...base, overlay: { kind: 'renderForm', fields: EMPTY_RENDER_FORM, field: 'file', error: null } };
    expect(resolveKey(form, { full: 'tab', ch: '\t' })).toEqual({ type: 'overlayMove', delta: 1 });
    expect(resolveKey(form, { full: 'space', ch: ' ' })).toEqual({ type: 'textInput', text: ' ' });
  });
});
