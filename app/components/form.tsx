import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/lib/form-fields";

/**
 * A form validated in the browser with react-hook-form and the same zod schema the server uses.
 * It is an ordinary HTML form: without JavaScript it posts as usual and the server's messages
 * (HTTP 400) appear beside the same fields.
 */
export function useValidatedForm(schema: z.ZodType<unknown, FieldValues>, options: { defaultValues?: Record<string, unknown>; serverErrors?: FieldErrors }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<FieldValues>({
    // The schema's input type is what the fields hold; the cast bridges zod's and RHF's generics.
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const errorFor = (name: string): string | undefined => {
    const client = form.formState.errors[name]?.message;
    return typeof client === "string" ? client : options.serverErrors?.[name];
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // A button marked formNoValidate (e.g. "look up in the population register") skips the checks.
    if (submitter?.formNoValidate) {
      event.preventDefault();
      submit(submitter, { method: "post" });
      return;
    }
    void form.handleSubmit(() => {
      if (formRef.current) submit(submitter ?? formRef.current, { method: "post" });
    })(event);
  };
  // react-hook-form sets default values through refs after hydration; the server-rendered HTML
  // needs them as attributes too, or a form without JavaScript would start empty.
  const register: Register = (name) => {
    const value = options.defaultValues?.[name];
    const props: RegisteredField = form.register(name);
    if (typeof value === "boolean") props.defaultChecked = value;
    else if (typeof value === "string" || typeof value === "number") props.defaultValue = String(value);
    return props;
  };
  return {
    register,
    errorFor,
    formProps: { ref: formRef, method: "post" as const, noValidate: true, onSubmit },
    // Busy until the page is revalidated too: Remix shows the action's answer while the loaders still run,
    // and a second form posted in that window would carry the page's old data (e.g. a stale version).
    submitting: navigation.state === "submitting" || (navigation.state === "loading" && navigation.formMethod !== undefined),
  };
}

export { Form };

/** The options of a select from a label map (value → Swedish label). */
export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export type RegisteredField = UseFormRegisterReturn & { defaultValue?: string; defaultChecked?: boolean };
export type Register = (name: string) => RegisteredField;

type FieldProps = {
  name: string;
  label: string;
  register: Register;
  error?: string;
  hint?: ReactNode;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: "text" | "numeric" | "tel" | "email";
  pattern?: string;
  defaultValue?: string;
};

/**
 * The frame every labelled control shares: label (with "obligatoriskt"), hint and error, tied to the
 * control for screen readers. `control` gets the id and the accessibility attributes to spread.
 */
function LabelledField({
  name,
  label,
  error,
  hint,
  required,
  control,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  control: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; "aria-required"?: true }) => ReactNode;
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (obligatoriskt)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, "aria-required": required ? true : undefined })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ name, label, register, error, hint, type = "text", autoComplete, required, inputMode, pattern }: FieldProps) {
  return (
    <LabelledField
      {...{ name, label, error, hint, required }}
      control={(a11y) => <input {...a11y} type={type} autoComplete={autoComplete} inputMode={inputMode} pattern={pattern} {...register(name)} />}
    />
  );
}

/** A free-text field. With a limit it is shown, because the register may only hold what its purpose needs. */
export function TextAreaField({
  name,
  label,
  register,
  error,
  hint,
  required,
  maxLength,
  rows = 3,
}: Omit<FieldProps, "type"> & { maxLength?: number; rows?: number }) {
  return (
    <LabelledField
      {...{ name, label, error, required }}
      hint={
        hint || maxLength ? (
          <>
            {hint}
            {hint && maxLength ? " " : null}
            {maxLength ? `Högst ${maxLength} tecken.` : null}
          </>
        ) : undefined
      }
      control={(a11y) => <textarea {...a11y} rows={rows} maxLength={maxLength} {...register(name)} />}
    />
  );
}

export function SelectField({
  name,
  label,
  register,
  error,
  hint,
  options,
  groups = [],
  required,
}: Omit<FieldProps, "type"> & { options: { value: string; label: string }[]; groups?: { label: string; options: { value: string; label: string }[] }[] }) {
  // Options outside any group come first; a long list (290 municipalities) reads better in groups.
  return (
    <LabelledField
      {...{ name, label, error, hint, required }}
      control={(a11y) => (
        <select {...a11y} {...register(name)}>
          <option value="">Välj …</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxField({ name, label, register, hint, error }: Omit<FieldProps, "type">) {
  const id = `f-${name}`;
  return (
    <div className={`field field--checkbox${error ? " field--error" : ""}`}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        {...register(name)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes posting one value each under one name; the legend names the group for screen readers. */
export function CheckboxGroup({
  name,
  legend,
  options,
  register,
  error,
  hint,
  selected,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  register: Register;
  error?: string;
  hint?: ReactNode;
  selected: readonly string[];
}) {
  const id = `f-${name}`;
  return (
    <fieldset
      className={`checkbox-list${error ? " field--error" : ""}`}
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend id={id} tabIndex={-1}>
        {legend}
      </legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const { defaultValue: _ignored, defaultChecked: _unused, ...field } = register(name);
        return (
          <div className="field field--checkbox" key={option.value}>
            <input id={optionId} type="checkbox" value={option.value} defaultChecked={selected.includes(option.value)} {...field} />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A summary at the top of a form that failed on the server, linking to each field. */
export function ErrorSummary({ errors }: { errors?: FieldErrors }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>Formuläret innehåller fel</h2>
      <ul>
        {Object.entries(errors).map(([name, message]) => (
          <li key={name}>{name === "form" ? message : <a href={`#f-${name}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}
