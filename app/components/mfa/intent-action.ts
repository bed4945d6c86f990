import { useLocation } from "@remix-run/react";

/** The page's own address with `atgard` set: keeps `redirectTo` (the step-up's way back) on every form. */
export function useIntentAction(): (intent: string) => string {
  const { search } = useLocation();
  return (intent) => {
    const params = new URLSearchParams(search);
    params.set("atgard", intent);
    return `?${params.toString()}`;
  };
}
