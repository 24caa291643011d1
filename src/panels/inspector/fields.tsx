import { useId, useState, type ReactNode } from 'react';
import { useFieldProblem } from '../../app/language';
import type { PropSpec, PropText, PropValue } from '../../nodes/types';

/** Text typed into a field, turned into the value it means, or a sentence naming what is wrong. */
export type Parsed = { ok: true; value: PropValue } | { ok: false; message: string };

export function parseFieldText(spec: PropSpec, text: string): Parsed {
  const trimmed = text.trim();
  switch (spec.type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      if (!/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, message: `"${text}" is not a number` };
      return { ok: true, value: Number(trimmed) };
    }
    case 'integer': {
      const n = Number(trimmed);
      if (!/^[+-]?\d+$/.test(trimmed) || n < spec.min || n > spec.max)
        return { ok: false, message: `use a whole number from ${spec.min} to ${spec.max}` };
      return { ok: true, value: n };
    }
    case 'workers': {
      if (spec.allowAuto && trimmed === 'auto') return { ok: true, value: 'auto' };
      const n = Number(trimmed);
      if (!/^[+-]?\d+$/.test(trimmed) || Math.abs(n) > 100000)
        return { ok: false, message: spec.allowAuto ? 'use "auto" or a whole number' : 'use a whole number' };
      return { ok: true, value: n };
    }
    case 'boolean':
      return { ok: true, value: trimmed === 'true' };
    case 'enum':
      return spec.options.some((o) => o.value === text)
        ? { ok: true, value: text }
        : { ok: false, message: `choose one of ${spec.options.map((o) => o.value).join(', ')}` };
  }
}

/** The rule's verdict on a value that parsed (an `invalid-*` problem the design will carry). */
export function ruleProblem(spec: PropSpec, value: PropValue): string | null {
  if (!spec.rule) return null;
  return (spec.rule.check as (v: PropValue) => string | null)(value);
}

export function Field({
  label,
  doc,
  error,
  children,
  inputId,
}: {
  label: string;
  doc?: string;
  error?: string | null;
  inputId: string;
  children: ReactNode;
}) {
  const inLanguage = useFieldProblem();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {children}
      {error && (
        <div className="field-error" id={`${inputId}-error`}>
          {inLanguage(error)}
        </div>
      )}
      {doc && <div className="field-doc">{doc}</div>}
    </div>
  );
}

/**
 * One prop of a node, generated from its spec: a select for enums, a checkbox for booleans, a text
 * box otherwise. What the user types is applied when it parses (so a bad value shows up as a problem
 * of the design rather than being lost); text that does not parse stays in the box with its message.
 */
export function PropField({
  name,
  spec,
  text: words,
  value,
  onChange,
  onDone,
}: {
  name: string;
  spec: PropSpec;
  /** The prop's words in the UI's language (absent: the descriptor's English). */
  text?: PropText;
  value: PropValue;
  onChange: (value: PropValue) => void;
  onDone: () => void;
}) {
  const inputId = useId();
  const label = words?.label ?? spec.label;
  const doc = words?.doc ?? spec.doc;
  const format = (v: PropValue) => String(v);
  const [text, setText] = useState(format(value));
  const [shownValue, setShownValue] = useState(value);
  const [parseError, setParseError] = useState<string | null>(null);
  if (shownValue !== value) {
    // The value changed from outside (undo, another panel): show it unless the box already means it.
    setShownValue(value);
    const parsed = parseFieldText(spec, text);
    if (!parsed.ok || parsed.value !== value) {
      setText(format(value));
      setParseError(null);
    }
  }

  if (spec.type === 'boolean') {
    return (
      <div className="field field-check">
        <label className="field-label" htmlFor={inputId}>
          <input
            id={inputId}
            type="checkbox"
            data-testid={`prop-${name}`}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </label>
        <div className="field-doc">{doc}</div>
      </div>
    );
  }
  if (spec.type === 'enum') {
    return (
      <Field label={label} doc={doc} inputId={inputId}>
        <select
          id={inputId}
          data-testid={`prop-${name}`}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
        >
          {spec.options.map((option) => (
            <option key={option.value} value={option.value}>
              {words?.options?.[option.value] ?? option.label}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  const error = parseError ?? ruleProblem(spec, value);
  return (
    <Field label={label} doc={doc} error={error} inputId={inputId}>
      <input
        id={inputId}
        type="text"
        spellCheck={false}
        autoComplete="off"
        data-testid={`prop-${name}`}
        inputMode={spec.type === 'string' ? undefined : 'numeric'}
        aria-invalid={error !== null}
        aria-describedby={error ? `${inputId}-error` : undefined}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const parsed = parseFieldText(spec, next);
          if (parsed.ok) {
            setParseError(null);
            setShownValue(parsed.value);
            onChange(parsed.value);
          } else setParseError(parsed.message);
        }}
        onBlur={onDone}
      />
    </Field>
  );
}

/** A free-text field that applies every keystroke, with a check for the message below it. */
export function TextField({
  label,
  doc,
  value,
  testId,
  check,
  onChange,
  onDone,
}: {
  label: string;
  doc?: string;
  value: string;
  testId: string;
  check: (value: string) => string | null;
  onChange: (value: string) => void;
  onDone: () => void;
}) {
  const inputId = useId();
  const error = check(value);
  return (
    <Field label={label} doc={doc} error={error} inputId={inputId}>
      <input
        id={inputId}
        type="text"
        spellCheck={false}
        autoComplete="off"
        data-testid={testId}
        aria-invalid={error !== null}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onDone}
      />
    </Field>
  );
}
