import type { AppProps } from "../../types.ts";
import type { State } from "./_middleware.ts";

export default function App({ Component, state }: AppProps<State>) {
  return (
    <html lang="en">
      <head>
        <title>fixture</title>
      </head>
      <body data-user={state.user ?? "anon"}>
        <Component />
      </body>
    </html>
  );
}
