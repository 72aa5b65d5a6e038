import { Box, Text } from "ink";
import { useState } from "react";
import { ErrorBox } from "../components/error-box.js";
import { HINT_BACK } from "../components/key-hints.js";
import { Loading } from "../components/loading.js";
import { Screen } from "../components/screen.js";
import { TextField } from "../components/text-field.js";
import { useTui } from "../context.js";
import { useKeys } from "../hooks/use-keys.js";
import { type GrantOutcome, grantAssets, universeIdOrThrow } from "../services.js";

type Step =
  | { kind: "ask"; error?: string }
  | { kind: "granting"; experience: string }
  | { kind: "done"; outcome: GrantOutcome }
  | { kind: "failed"; error: unknown };

/** Let an experience use this asset: its universe id, one request, the answer in words. */
export function GrantScreen({ assetId }: { assetId: string }) {
  const { ctx, navigate } = useTui();
  const [step, setStep] = useState<Step>({ kind: "ask" });
  useKeys((input, key) => {
    if (key.escape || (step.kind !== "ask" && (key.return || input === "q"))) navigate({ type: "back" });
  });
  const grant = (text: string) => {
    let experience: string;
    try {
      experience = universeIdOrThrow(text);
    } catch (error) {
      setStep({ kind: "ask", error: (error as Error).message });
      return;
    }
    setStep({ kind: "granting", experience });
    grantAssets(ctx, [assetId], [experience]).then(
      ([outcome]) => setStep({ kind: "done", outcome: outcome! }),
      (error: unknown) => setStep({ kind: "failed", error }),
    );
  };
  return (
    <Screen
      title={`Grant asset ${assetId} to an experience`}
      hints={step.kind === "ask" ? [["enter", "grant"], HINT_BACK] : [["enter/esc", "back"]]}
    >
      {step.kind === "ask" ? (
        <Box flexDirection="column">
          <Box>
            <Text>Universe id: </Text>
            <TextField placeholder="e.g. 6046911802" onSubmit={grant} />
          </Box>
          <Text dimColor wrap="truncate-end">
            The experience's universe id (its settings show it), not a place id. Grants are permanent.
          </Text>
          {step.error ? <Text color="red">{step.error}</Text> : null}
        </Box>
      ) : null}
      {step.kind === "granting" ? <Loading label={`Granting experience ${step.experience}…`} /> : null}
      {step.kind === "done" ? (
        step.outcome.errors[0] ? (
          <Text color="red">
            ✖ Not granted to experience {step.outcome.experience}: {step.outcome.errors[0].reason} (
            {step.outcome.errors[0].code})
          </Text>
        ) : (
          <Text color="green">
            ✔ Experience {step.outcome.experience} may now use asset {assetId} (recorded in the lockfile).
          </Text>
        )
      ) : null}
      {step.kind === "failed" ? <ErrorBox error={step.error} /> : null}
    </Screen>
  );
}
