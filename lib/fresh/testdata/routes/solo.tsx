import Counter from "../islands/Counter.tsx";
import type { RouteConfig } from "../../types.ts";

// A page with a bundle of its own islands.
export const config: RouteConfig = { bundle: "solo" };

export default function SoloPage() {
  return (
    <main>
      <Counter start={1} label="solo" />
    </main>
  );
}
