import { Spinner } from "@inkjs/ui";

/** Shown while waiting on the service. */
export function Loading({ label }: { label: string }) {
  return <Spinner label={label} />;
}
