import { useState } from 'react';
import { describeError, fieldErrors } from '../lib/describe-error';

/** Runs a form action; a refusal comes back as words on the fields it names and once for the form. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      const r = await action();
      setErrors({});
      setGeneral(null);
      return r;
    } catch (e) {
      setErrors(fieldErrors(e));
      const n = describeError(e);
      setGeneral(n.hint ? `${n.message} ${n.hint}` : n.message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /** local checks before asking the core: same display as the core's refusals */
  const refuse = (fields: Record<string, string>) => {
    setErrors(fields);
    const first = Object.values(fields)[0];
    setGeneral(first ? `${first} Nothing was saved.` : null);
  };
  return { busy, errors, general, run, refuse, setErrors, setGeneral };
}
