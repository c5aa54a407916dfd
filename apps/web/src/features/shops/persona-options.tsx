import { personaLabels, personas } from "./labels.ts";

/** The `<option>`s of every persona select. */
export function PersonaOptions() {
  return personas.map((persona) => (
    <option key={persona} value={persona}>
      {personaLabels[persona]}
    </option>
  ));
}
