import { Text, usePaste } from "ink";
import { useRef, useState } from "react";
import { useInteractive, useKeys, useTyping } from "../hooks/use-keys.js";
import { useLayout } from "../hooks/use-layout.js";
import {
  applyKeys,
  type FieldKey,
  initialField,
  keysOf,
  pasteKeys,
  type TextFieldState,
  visibleParts,
} from "../state/text-field.js";

/**
 * A one-line text field. The editing rules live in `state/text-field.ts`; this view reads keys and pastes
 * (bracketed paste is turned on while the field is active), and draws the value with its cursor.
 */
export function TextField({
  defaultValue = "",
  placeholder,
  onSubmit,
  onChange,
  isDisabled = false,
  width,
  maxLength,
}: {
  defaultValue?: string;
  placeholder?: string;
  onSubmit: (value: string) => void;
  onChange?: (value: string) => void;
  isDisabled?: boolean;
  /** Columns the field may use; default: what the terminal has left after a short label. */
  width?: number;
  maxLength?: number;
}) {
  const interactive = useInteractive();
  const { columns } = useLayout();
  const active = interactive && !isDisabled;
  // While this field takes keys, `?` is a character to type, not the help overlay.
  useTyping(active);
  const [state, setState] = useState<TextFieldState>(() => initialField(defaultValue));
  // Keys can arrive faster than React renders: each chunk must edit the latest value, not the last drawn.
  const latest = useRef(state);

  const handle = (keys: FieldKey[]) => {
    if (keys.length === 0) return;
    const { state: next, submitted } = applyKeys(latest.current, keys, maxLength);
    if (next !== latest.current) {
      latest.current = next;
      setState(next);
      onChange?.(next.value);
    }
    if (submitted !== undefined) onSubmit(submitted);
  };
  useKeys((input, key) => handle(keysOf(input, key)), { isActive: active });
  usePaste((text) => handle(pasteKeys(text)), { isActive: active });

  if (!active) return <Text>{state.value || (placeholder ? <Text dimColor>{placeholder}</Text> : "")}</Text>;
  if (state.value === "" && placeholder) {
    return (
      <Text wrap="truncate-end">
        <Text inverse>{placeholder.charAt(0)}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  }
  const parts = visibleParts(state, width ?? Math.max(10, columns - 24));
  return (
    <Text>
      {parts.before}
      <Text inverse>{parts.under}</Text>
      {parts.after}
    </Text>
  );
}
