/**
 * A group of checkboxes sharing one name, posted as a list (read on the server with
 * parseForm with `lists`). Plain inputs: react-hook-form would turn a group of one into a boolean.
 */
export function CheckboxList({
  name,
  legend,
  options,
  checked,
  error,
  hint,
}: {
  name: string;
  legend: string;
  options: { value: number | string; label: string }[];
  checked: readonly string[];
  error?: string;
  hint?: string;
}) {
  const id = `f-${name}`;
  return (
    <fieldset
      id={id}
      className={error ? "field--error" : undefined}
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <div className="field field--checkbox" key={option.value}>
          <input id={`${id}-${option.value}`} type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(String(option.value))} />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The list field of the posted values, as strings (for re-checking boxes after an error). */
export function listValue(values: Record<string, string | string[]> | undefined, name: string, fallback: readonly string[]): string[] {
  const value = values?.[name];
  if (value === undefined) return [...fallback];
  return Array.isArray(value) ? value : [value];
}
