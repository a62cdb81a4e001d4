import type { PageProps } from "../../../types.ts";
import type { State } from "../_middleware.ts";

export default function Studio({ state }: PageProps<undefined, State>) {
  return <h1>studio for {state.user ?? "nobody"}</h1>;
}
