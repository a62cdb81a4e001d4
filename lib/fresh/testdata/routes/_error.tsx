import type { ErrorPageProps } from "../../types.ts";

export default function ErrorPage({ status, code, message }: ErrorPageProps) {
  return <h1 id="error">{status} {code}: {message}</h1>;
}
