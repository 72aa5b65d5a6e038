// `rbxassets init` on a terminal: three questions (asset folders, where modules go, the creator), each on
// its own step. Plain Ink: the view renders the proposal and collects answers; core builds the file.
import type { InitAnswers, InitProposal, OutputProposal } from "@rbxassets/core/node";
import { Box, type Key, Text, useInput } from "ink";
import { useEffect, useReducer } from "react";
import {
  applyKey,
  type FieldKey,
  initialField,
  keysOf,
  type TextFieldState,
} from "../tui/state/text-field.js";

const OUTPUT_LABELS: Record<OutputProposal, string> = {
  "roblox-ts": "Luau modules with roblox-ts declarations in src/shared/ (.luau + .d.ts)",
  rojo: "Luau modules in src/shared/ (Rojo)",
  typescript: "TypeScript modules in src/ (web and Node)",
  none: "no generated modules",
};

export interface InitPromptProps {
  proposal: InitProposal;
  onDone(answers: InitAnswers): void;
  onCancel(): void;
}

type Step = "folders" | "output" | "creator";

interface State {
  step: Step;
  focus: number;
  chosen: Set<string>;
  output: OutputProposal;
  /** The creator field, edited by the TUI's text-field rules (a chunk `user:7\r` types, then submits). */
  creator: TextFieldState;
  problem?: string;
  result?: InitAnswers | "cancelled";
}

interface KeyPress {
  input: string;
  key: Key;
}

/** Every key goes through here with the current state (a key handler's closure could be a render behind). */
function reduce(proposal: InitProposal, state: State, { input, key }: KeyPress): State {
  if (state.result) return state;
  if (key.ctrl && input === "c") return { ...state, result: "cancelled" };
  const { problem: _, ...rest } = state;
  // Esc steps back; only on the first step does it cancel (a last answer mistyped loses nothing).
  if (key.escape) {
    if (state.step === "creator") return { ...rest, step: "output", focus: 0 };
    if (state.step === "output" && proposal.folders.length > 0) return { ...rest, step: "folders", focus: 0 };
    return { ...state, result: "cancelled" };
  }
  if (state.step === "folders") {
    const count = proposal.folders.length;
    if (key.downArrow) return { ...state, focus: Math.min(count - 1, state.focus + 1) };
    if (key.upArrow) return { ...state, focus: Math.max(0, state.focus - 1) };
    if (input === " ") {
      const folder = proposal.folders[state.focus]!.folder;
      const chosen = new Set(state.chosen);
      if (!chosen.delete(folder)) chosen.add(folder);
      return { ...rest, chosen };
    }
    if (key.return) {
      if (state.chosen.size === 0)
        return { ...state, problem: "choose at least one folder (Space), or Esc to stop" };
      return { ...rest, focus: 0, step: "output" };
    }
    return state;
  }
  if (state.step === "output") {
    const count = proposal.outputs.length;
    if (key.downArrow) return { ...state, focus: Math.min(count - 1, state.focus + 1) };
    if (key.upArrow) return { ...state, focus: Math.max(0, state.focus - 1) };
    if (key.return) return { ...state, output: proposal.outputs[state.focus] ?? "none", step: "creator" };
    return state;
  }
  // The creator step: every key of the chunk in order, each on the state the previous one left.
  let next = state;
  for (const press of keysOf(input, key)) next = creatorKey(next, press);
  return next;
}

function creatorKey(state: State, press: FieldKey): State {
  if (state.result) return state;
  const { problem: _, ...rest } = state;
  if (press.kind === "submit") {
    const value = state.creator.value.trim();
    if (value !== "" && !/^(user|group):\d+$/.test(value)) {
      return {
        ...state,
        problem: `"${value}" is not a creator: write user:<id> or group:<id> (e.g. group:123), or leave it empty`,
      };
    }
    const folders = [...state.chosen].sort();
    return { ...state, result: { folders, output: state.output, ...(value ? { creator: value } : {}) } };
  }
  return { ...rest, creator: applyKey(state.creator, press) };
}

export function InitPrompt({ proposal, onDone, onCancel }: InitPromptProps) {
  const [state, dispatch] = useReducer(
    (s: State, press: KeyPress) => reduce(proposal, s, press),
    undefined,
    () => ({
      step: proposal.folders.length > 0 ? ("folders" as const) : ("output" as const),
      focus: 0,
      chosen: new Set(proposal.folders.map((f) => f.folder)),
      output: proposal.outputs[0] ?? "none",
      creator: initialField(proposal.creator ?? ""),
    }),
  );
  // A chunk can hold several keys (a paste, a held Backspace, text and its Enter): the creator step splits
  // it with the text field's rules.
  useInput((input, key) => dispatch({ input, key }));
  useEffect(() => {
    if (state.result === "cancelled") onCancel();
    else if (state.result) onDone(state.result);
  }, [state.result, onCancel, onDone]);
  const { step, focus, chosen, creator, problem } = state;
  // Once answered (or cancelled) the prompt leaves the screen: what follows is the command's own output.
  if (state.result) return null;

  return (
    <Box flexDirection="column">
      <Text bold>rbxassets init: a project file for this folder</Text>
      {step === "folders" && (
        <Box flexDirection="column" marginTop={1}>
          <Text>Which folders hold assets?</Text>
          {proposal.folders.map((f, i) => (
            <Text key={f.folder} {...(i === focus ? { color: "cyan" } : {})}>
              {i === focus ? "› " : "  "}
              {chosen.has(f.folder) ? "[x] " : "[ ] "}
              {f.folder}/ ({f.files} file{f.files === 1 ? "" : "s"}: {f.extensions.join(", ")})
            </Text>
          ))}
          <Text dimColor>↑↓ move · space choose · enter next · esc cancel</Text>
        </Box>
      )}
      {step === "output" && (
        <Box flexDirection="column" marginTop={1}>
          <Text>Where do the generated modules go?</Text>
          {proposal.outputs.map((o, i) => (
            <Text key={o} {...(i === focus ? { color: "cyan" } : {})}>
              {i === focus ? "› " : "  "}
              {OUTPUT_LABELS[o]}
            </Text>
          ))}
          <Text dimColor>↑↓ move · enter choose · esc {proposal.folders.length > 0 ? "back" : "cancel"}</Text>
        </Box>
      )}
      {step === "creator" && (
        <Box flexDirection="column" marginTop={1}>
          <Text>Creator (user:&lt;id&gt; or group:&lt;id&gt;; empty: set RBXASSETS_CREATOR later)</Text>
          <Text>
            › {creator.value.slice(0, creator.cursor)}
            <Text inverse>{creator.value.charAt(creator.cursor) || " "}</Text>
            {creator.value.slice(creator.cursor + 1)}
          </Text>
          <Text dimColor>enter write the file · ctrl-u delete to start · esc back</Text>
        </Box>
      )}
      {problem && <Text color="red">{problem}</Text>}
    </Box>
  );
}
