// `rbxassets init` on a terminal: three questions (asset folders, where modules go, the creator), each on
// its own step. Plain Ink: the view renders the proposal and collects answers; core builds the file.
import type { InitAnswers, InitProposal, OutputProposal } from "@rbxassets/core/node";
import { Box, type Key, Text, useInput } from "ink";
import { useEffect, useReducer } from "react";

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

/** Printable characters of an input chunk (a paste or a held key arrives as several at once). */
function printable(input: string): string {
  return [...input].filter((char) => !/[\p{Cc}\u2028\u2029]/u.test(char)).join("");
}

interface State {
  step: Step;
  focus: number;
  chosen: Set<string>;
  output: OutputProposal;
  creator: string;
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
  if (key.escape || (key.ctrl && input === "c")) return { ...state, result: "cancelled" };
  const { problem: _, ...rest } = state;
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
  if (key.return) {
    const value = state.creator.trim();
    if (value !== "" && !/^(user|group):\d+$/.test(value)) {
      return { ...state, problem: "write user:<id> or group:<id> (e.g. group:123), or leave it empty" };
    }
    const folders = [...state.chosen].sort();
    return { ...state, result: { folders, output: state.output, ...(value ? { creator: value } : {}) } };
  }
  if (key.ctrl && input === "u") return { ...rest, creator: "" };
  if (key.backspace || key.delete) return { ...rest, creator: state.creator.slice(0, -1) };
  if (key.ctrl || key.meta) return state;
  return { ...rest, creator: state.creator + printable(input) };
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
      creator: proposal.creator ?? "",
    }),
  );
  useInput((input, key) => {
    // A chunk can hold several keys (a paste, a held Backspace, text then Backspace): split it into keys.
    if (input.length > 1 && /[\x7f\b]/.test(input)) {
      for (const char of input) {
        const erase = char === "\x7f" || char === "\b";
        dispatch({ input: erase ? "" : char, key: { ...key, backspace: erase, delete: false } });
      }
    } else dispatch({ input, key });
  });
  useEffect(() => {
    if (state.result === "cancelled") onCancel();
    else if (state.result) onDone(state.result);
  }, [state.result, onCancel, onDone]);
  const { step, focus, chosen, creator, problem } = state;

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
          <Text dimColor>↑↓ move · enter choose · esc cancel</Text>
        </Box>
      )}
      {step === "creator" && (
        <Box flexDirection="column" marginTop={1}>
          <Text>Creator (user:&lt;id&gt; or group:&lt;id&gt;; empty: set RBXASSETS_CREATOR later)</Text>
          <Text>
            › {creator}
            <Text inverse> </Text>
          </Text>
          <Text dimColor>enter write the file · ctrl-u clear · esc cancel</Text>
        </Box>
      )}
      {problem && <Text color="red">{problem}</Text>}
    </Box>
  );
}
